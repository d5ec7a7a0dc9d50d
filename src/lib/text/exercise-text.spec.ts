import { describe, expect, it } from 'vitest';
import { EXERCISES } from '$lib/exercises';
import type { ExerciseDefinition } from '$lib/engine/types';
import { doseText, groupExercises, kindText, targetCount, viewText } from './exercise-text';

const base = {
	id: 'x',
	name: 'X',
	view: 'front',
	requires: [],
	instructions: [],
	rules: [],
	cameraChecked: true
} as const;

describe('exercise text', () => {
	it.each([
		[{ kind: 'rep', dose: { sets: 2, reps: 10 } }, '2 sets × 10 reps'],
		[{ kind: 'rep', dose: { sets: 1, reps: 1 } }, '1 rep'],
		[
			{ kind: 'rep', dose: { sets: 2, reps: 10, holdSeconds: 5 } },
			'2 sets × 10 reps, hold 5 s each'
		],
		[
			{ kind: 'hold', dose: { sets: 1, holdSeconds: 20 }, hold: { seconds: 20, count: 3 } },
			'3 × 20 s hold'
		],
		[
			{
				kind: 'side-hold',
				dose: { sets: 1, holdSeconds: 20, perSide: true },
				hold: { seconds: 20, count: 1 }
			},
			'20 s hold, each side'
		]
	])('doseText(%o) = %s', (partial, text) => {
		expect(doseText({ ...base, ...partial } as unknown as ExerciseDefinition)).toBe(text);
	});

	it('describes every catalog exercise without gaps', () => {
		for (const e of EXERCISES) {
			for (const s of [doseText(e), kindText(e), viewText(e.view).short]) {
				expect(s).not.toMatch(/undefined|NaN|null/);
				expect(s.length).toBeGreaterThan(0);
			}
			const target = targetCount(e);
			expect(target === null || target > 0).toBe(true);
		}
	});

	it('groups every exercise exactly once', () => {
		const groups = groupExercises(EXERCISES);
		const ids = groups.flatMap((g) => g.exercises.map((e) => e.id));
		expect(ids.sort()).toEqual(EXERCISES.map((e) => e.id).sort());
		expect(groups.every((g) => g.exercises.length > 0)).toBe(true);
	});
});
