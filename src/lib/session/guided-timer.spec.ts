import { describe, expect, it } from 'vitest';
import type { ExerciseDefinition } from '$lib/engine/types';
import { GuidedTimer, REST_SECONDS, timerPlan } from './guided-timer';

const def = (partial: Partial<ExerciseDefinition>) =>
	({
		id: 'x',
		name: 'X',
		kind: 'hold',
		view: 'side',
		requires: [],
		instructions: [],
		rules: [],
		cameraChecked: false,
		dose: { sets: 1 },
		...partial
	}) as ExerciseDefinition;

describe('timerPlan', () => {
	it('alternates sides for per-side holds', () => {
		const plan = timerPlan(
			def({ kind: 'side-hold', dose: { sets: 1, holdSeconds: 20, perSide: true } })
		);
		expect(plan.map((r) => r.label)).toEqual(['Left side', 'Right side']);
		expect(plan.every((r) => r.seconds === 20)).toBe(true);
	});

	it('numbers repeated rounds', () => {
		const plan = timerPlan(def({ kind: 'timed', dose: { sets: 2, holdSeconds: 15 } }));
		expect(plan.map((r) => r.label)).toEqual(['Round 1 of 2', 'Round 2 of 2']);
	});

	it('falls back to 30 s when no duration is given', () => {
		expect(timerPlan(def({}))[0]!.seconds).toBe(30);
	});
});

describe('GuidedTimer', () => {
	it('runs work, rest, work, done and announces each change', () => {
		const t = new GuidedTimer([
			{ label: 'Left side', seconds: 10 },
			{ label: 'Right side', seconds: 10 }
		]);
		t.start(0);
		expect(t.tick(4_000)).toEqual([]);
		expect(t.snapshot()).toMatchObject({ phase: 'work', remaining: 6, round: 0 });
		expect(t.tick(10_000)).toEqual(['Rest. Next: Right side.']);
		expect(t.tick(10_000 + REST_SECONDS * 1000)).toEqual(['Go: Right side.']);
		expect(t.tick(60_000)).toEqual(['Done. Nicely done.']);
		expect(t.snapshot()).toMatchObject({ phase: 'done', completed: 2, remaining: 0 });
	});

	it('does not count paused time', () => {
		const t = new GuidedTimer([{ label: 'Hold', seconds: 10 }]);
		t.start(0);
		t.tick(3_000);
		t.pause(3_000);
		t.tick(50_000);
		t.start(50_000);
		t.tick(52_000);
		expect(t.snapshot().remaining).toBeCloseTo(5);
	});
});
