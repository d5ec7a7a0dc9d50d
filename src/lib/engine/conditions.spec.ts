import { describe, expect, it } from 'vitest';
import { evaluate, metricsOf, validateCondition } from './conditions';
import type { Condition } from './types';

describe('evaluate', () => {
	const facts = { armRaise: 120, elbowAngleMin: 150, neckTilt: null };

	it.each<[Condition, boolean | null]>([
		[{ metric: 'armRaise', op: '>', value: 100 }, true],
		[{ metric: 'armRaise', op: '<=', value: 100 }, false],
		[{ metric: 'armRaise', op: 'between', value: [100, 130] }, true],
		[{ metric: 'armRaise', op: 'outside', value: [100, 130] }, false],
		[{ metric: 'neckTilt', op: '>', value: 0 }, null],
		[{ metric: 'shoulderTilt', op: '>', value: 0 }, null],
		[
			{
				all: [
					{ metric: 'armRaise', op: '>', value: 100 },
					{ metric: 'neckTilt', op: '>', value: 0 }
				]
			},
			null
		],
		[
			{
				all: [
					{ metric: 'armRaise', op: '<', value: 100 },
					{ metric: 'neckTilt', op: '>', value: 0 }
				]
			},
			false
		],
		[
			{
				any: [
					{ metric: 'armRaise', op: '>', value: 100 },
					{ metric: 'neckTilt', op: '>', value: 0 }
				]
			},
			true
		],
		[
			{
				any: [
					{ metric: 'armRaise', op: '<', value: 100 },
					{ metric: 'neckTilt', op: '>', value: 0 }
				]
			},
			null
		],
		[{ not: { metric: 'elbowAngleMin', op: '<', value: 140 } }, true],
		[{ not: { metric: 'neckTilt', op: '<', value: 140 } }, null]
	])('%j → %s', (cond, want) => {
		expect(evaluate(cond, facts)).toBe(want);
	});

	it('loosens every comparison by the slack, and tightens one under "not"', () => {
		const slack = () => 5;
		const f = { armRaise: 103 };
		const check = (cond: Condition) => [evaluate(cond, f), evaluate(cond, f, slack)];
		expect(check({ metric: 'armRaise', op: '<', value: 100 })).toEqual([false, true]);
		expect(check({ metric: 'armRaise', op: '>=', value: 106 })).toEqual([false, true]);
		expect(check({ metric: 'armRaise', op: 'between', value: [80, 100] })).toEqual([false, true]);
		expect(check({ metric: 'armRaise', op: 'outside', value: [80, 106] })).toEqual([false, true]);
		// not (armRaise > 100) is false as written; loosening the whole makes the inner test
		// stricter (> 105), so it becomes true.
		expect(check({ not: { metric: 'armRaise', op: '>', value: 100 } })).toEqual([false, true]);
		// Past the slack it stays false.
		expect(evaluate({ metric: 'armRaise', op: '<', value: 97 }, f, slack)).toBe(false);
	});

	it('treats NaN and Infinity as unknown', () => {
		expect(evaluate({ metric: 'armRaise', op: '>', value: 1 }, { armRaise: NaN })).toBeNull();
		expect(evaluate({ metric: 'armRaise', op: '>', value: 1 }, { armRaise: Infinity })).toBeNull();
	});

	it('lists the metrics a condition reads', () => {
		expect(
			metricsOf({
				all: [
					{ metric: 'armRaise', op: '>', value: 1 },
					{ not: { metric: 'neckTilt', op: '<', value: 2 } }
				]
			})
		).toEqual(['armRaise', 'neckTilt']);
	});
});

describe('validateCondition', () => {
	it('names the offending leaf', () => {
		expect(() =>
			validateCondition(
				{
					all: [
						{ metric: 'armRaise', op: '>', value: 1 },
						{ metric: 'armRase' as never, op: '>', value: 1 }
					]
				},
				'x'
			)
		).toThrow('x[1]: unknown metric "armRase"');
		expect(() =>
			validateCondition({ metric: 'armRaise', op: 'between', value: [3, 1] }, 'y')
		).toThrow('y: value [3,1] does not fit "between"');
		expect(() => validateCondition({ any: [] }, 'z')).toThrow(
			'z: "all"/"any" needs a non-empty list'
		);
	});
	it('accepts Delta metrics', () => {
		expect(() =>
			validateCondition({ metric: 'earShoulderGapDelta', op: '<', value: -0.1 }, 'ok')
		).not.toThrow();
	});
});
