import { describe, expect, it } from 'vitest';
import { EMPTY_OUTCOME, type ItemOutcome, type ItemResult } from './player.svelte';
import { resultText, routineTotals } from './summary';

const result = (status: ItemResult['status'], outcome: Partial<ItemOutcome>): ItemResult => ({
	index: 0,
	exerciseId: 'x',
	name: 'X',
	dose: '',
	status,
	outcome: { ...EMPTY_OUTCOME, ...outcome },
	seconds: 10
});

const side = (holds: number) => ({ holds, heldSeconds: 20, meanScore: 80 });

describe('resultText', () => {
	it.each([
		[result('skipped', { reps: 4 }), 'Skipped'],
		[result('done', { reps: 20, repsPerSet: [10, 10] }), '20 reps (10 + 10)'],
		[result('done', { reps: 1, repsPerSet: [1] }), '1 rep'],
		[result('partial', { reps: 3, repsPerSet: [3] }), '3 reps, stopped early'],
		[result('done', { holds: 2 }), '2 holds'],
		[
			result('done', { holds: 2, sides: { left: side(1), right: side(1) } }),
			'Left 1 · right 1 hold'
		],
		[result('done', { rounds: { done: 2, total: 2 } }), '2 of 2 rounds'],
		[result('partial', { rounds: { done: 1, total: 3 } }), '1 of 3 rounds, stopped early']
	])('%#: %s', (r, text) => {
		expect(resultText(r)).toBe(text);
	});
});

describe('routineTotals', () => {
	it('adds up reps and holds and averages the scores there are', () => {
		const t = routineTotals([
			result('done', { reps: 10, meanScore: 90 }),
			result('done', { holds: 2, meanScore: 70 }),
			result('done', { rounds: { done: 1, total: 1 } }),
			result('skipped', {})
		]);
		expect(t).toEqual({ done: 3, skipped: 1, reps: 10, holds: 2, meanScore: 80 });
		expect(routineTotals([]).meanScore).toBeNull();
	});
});
