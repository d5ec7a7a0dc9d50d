import { describe, expect, it } from 'vitest';
import type { CoachState } from '$lib/engine/types';
import { getExercise } from '$lib/exercises';
import { countView, CUE_VISIBLE_SECONDS, holdTarget, rangeText, visibleCue } from './coach-view';

const state = (o: Partial<CoachState>) =>
	({ t: 0, reps: 0, holdsCompleted: 0, ...o }) as CoachState;
const cue = { id: 'c', text: 'Elbows higher', t: 10 } as unknown as CoachState['cue'];

describe('coach view', () => {
	it('shows a cue for CUE_VISIBLE_SECONDS of session time, and only while running', () => {
		expect(visibleCue(state({ t: 10 + CUE_VISIBLE_SECONDS, cue }), true)).toBe('Elbows higher');
		expect(visibleCue(state({ t: 10.01 + CUE_VISIBLE_SECONDS, cue }), true)).toBeNull();
		expect(visibleCue(state({ t: 11, cue }), false)).toBeNull();
		expect(visibleCue(null, true)).toBeNull();
	});

	it('counts reps of a rep move against its dose, holds of a hold move', () => {
		const reach = getExercise('overhead-arm-reach')!;
		expect(countView(reach, state({ reps: 3 }))).toEqual({
			label: 'Reps',
			done: 3,
			target: 10,
			per: ''
		});
		const stretch = getExercise('crossbody-shoulder-stretch')!;
		expect(countView(stretch, state({ holdsCompleted: 1 }))).toMatchObject({
			label: 'Holds',
			done: 1,
			per: ' per side'
		});
		expect(holdTarget(stretch, null)).toBe(stretch.hold!.seconds);
	});
});

describe('rangeText', () => {
	const st = (o: Partial<CoachState>) =>
		({ phase: 'rest', repProgress: 0, lastRepRange: null, ...o }) as CoachState;
	it('says the top is reached only at the top', () => {
		expect(rangeText(st({ phase: 'active', repProgress: 0.6 }))).toBe('');
		expect(rangeText(st({ phase: 'active', repProgress: 1 }))).toBe('Top reached: now return');
	});
	it("gives the last rep against the person's own range, never NaN", () => {
		expect(rangeText(st({ lastRepRange: 0.964 }))).toBe('Last rep: 96 % of your usual range');
		expect(rangeText(st({ lastRepRange: NaN }))).toBe('');
		expect(rangeText(null)).toBe('');
	});
});
