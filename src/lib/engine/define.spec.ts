import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../exercises';
import { defineExercise } from './define';
import type { ExerciseDefinition } from './types';

const base: ExerciseDefinition = {
	id: 'test-move',
	name: 'Test',
	kind: 'rep',
	view: 'front',
	cameraChecked: true,
	requires: ['left_shoulder'],
	dose: { sets: 1, reps: 5 },
	instructions: ['Do it.'],
	rep: { metric: 'armRaise', direction: 'up', enter: 120, exit: 90, minSeconds: 1 },
	rules: []
};

describe('defineExercise', () => {
	it('accepts every catalog entry', () => {
		for (const e of EXERCISES) expect(() => defineExercise(e)).not.toThrow();
	});

	it('rejects thresholds without hysteresis', () => {
		expect(() => defineExercise({ ...base, rep: { ...base.rep!, enter: 80, exit: 90 } })).toThrow(
			/enter \(80\) must be above exit \(90\)/
		);
	});

	it('checks holdMean: it needs holdSeconds and must lie past exit', () => {
		const rep = { ...base.rep!, holdSeconds: 5 };
		expect(() => defineExercise({ ...base, rep: { ...rep, holdMean: 100 } })).not.toThrow();
		expect(() => defineExercise({ ...base, rep: { ...rep, holdMean: 80 } })).toThrow(/past exit/);
		expect(() => defineExercise({ ...base, rep: { ...base.rep!, holdMean: 100 } })).toThrow(
			/needs holdSeconds/
		);
	});

	it('rejects unknown metrics in rules, naming the rule', () => {
		expect(() =>
			defineExercise({
				...base,
				rules: [
					{
						id: 'r1',
						during: 'always',
						fault: { metric: 'nope' as never, op: '>', value: 1 },
						cue: 'x',
						priority: 1
					}
				]
			})
		).toThrow('rules.r1.fault: unknown metric "nope"');
	});

	it('rejects duplicate rule ids and empty cues', () => {
		const rule = {
			id: 'r',
			during: 'always' as const,
			fault: { metric: 'armRaise' as const, op: '>' as const, value: 1 },
			cue: 'c',
			priority: 1
		};
		expect(() => defineExercise({ ...base, rules: [rule, rule] })).toThrow('duplicate rule id "r"');
		expect(() => defineExercise({ ...base, rules: [{ ...rule, cue: ' ' }] })).toThrow(
			'needs a cue'
		);
	});

	it('needs a rep or hold for camera-checked moves', () => {
		expect(() => defineExercise({ ...base, rep: undefined })).toThrow('needs a rep or hold');
	});

	it('catalog ids are unique', () => {
		const ids = EXERCISES.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
