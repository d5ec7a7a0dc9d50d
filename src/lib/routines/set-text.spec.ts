import { describe, expect, it } from 'vitest';
import type { PlanSnapshot } from '$lib/engine/set-plan';
import { finishedNote, restNote } from './set-text';

const snap = (o: Partial<PlanSnapshot>): PlanSnapshot =>
	({
		kind: 'reps',
		phase: 'work',
		set: 1,
		sets: 1,
		target: 10,
		done: 0,
		restRemaining: 0,
		...o
	}) as PlanSnapshot;

describe('set text', () => {
	it('counts the rest down in whole seconds, rounding up', () => {
		expect(restNote(snap({ phase: 'rest', set: 2, sets: 3, restRemaining: 44.2 }))).toBe(
			'Rest 45 s · set 2 of 3 next'
		);
		expect(restNote(snap({ phase: 'work' }))).toBeNull();
	});

	it('says what was done once the dose is done', () => {
		expect(finishedNote(snap({ phase: 'done', done: 10 }))).toBe('Done: 10 of 10 reps');
		expect(finishedNote(snap({ phase: 'done', done: 1, target: 1 }))).toBe('Done: 1 of 1 rep');
		expect(finishedNote(snap({ phase: 'done', sets: 2, set: 2 }))).toBe('All 2 sets done');
		expect(finishedNote(snap({ phase: 'done', sets: 2, set: 2 }), 20)).toBe(
			'All 2 sets done · 20 reps'
		);
		expect(finishedNote(snap({ phase: 'done', kind: 'holds', target: 2, done: 2 }))).toBe(
			'Done: 2 of 2 holds'
		);
		expect(finishedNote(snap({ phase: 'rest' }))).toBeNull();
	});
});
