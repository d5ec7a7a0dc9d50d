import { describe, expect, it } from 'vitest';
import { parseRoutine } from '$lib/storage';
import { routineRecord } from './history';
import { EMPTY_OUTCOME, type ItemResult, type RoutineRun } from './player.svelte';
import { DESK_BREAK } from './presets';
import { movingSeconds } from './summary';

const result = (index: number, o: Partial<ItemResult>): ItemResult => ({
	index,
	exerciseId: `move-${index}`,
	name: `Move ${index}`,
	dose: '1 rep',
	status: 'done',
	outcome: EMPTY_OUTCOME,
	seconds: 0,
	...o
});

const run = (results: ItemResult[]): RoutineRun => ({
	routine: DESK_BREAK,
	results,
	startedAt: Date.parse('2026-01-05T10:00:00Z'),
	endedAt: Date.parse('2026-01-05T10:03:00Z')
});

describe('routine history', () => {
	const results = [
		result(0, {
			outcome: { ...EMPTY_OUTCOME, reps: 3, workouts: [{ id: 'w1', seconds: 20.5 }] }
		}),
		result(1, { status: 'skipped' }),
		result(2, {
			status: 'partial',
			outcome: {
				...EMPTY_OUTCOME,
				rounds: { done: 1, total: 2 },
				workouts: [
					{ id: 'w2', seconds: 8 },
					{ id: 'w3', seconds: 4 }
				]
			}
		})
	];

	it('moving time is the sum of the saved workouts, the figure History adds up', () => {
		expect(movingSeconds(results)).toBe(32.5);
	});

	it('records the run with each item’s first saved workout, in a form the parser accepts', () => {
		const record = routineRecord(run(results), 'r1')!;
		expect(record).toMatchObject({
			id: 'r1',
			routineId: 'desk-break',
			name: DESK_BREAK.name,
			startedAt: '2026-01-05T10:00:00.000Z',
			endedAt: '2026-01-05T10:03:00.000Z',
			items: [
				{ exerciseId: 'move-0', workoutId: 'w1', status: 'done' },
				{ exerciseId: 'move-1', workoutId: null, status: 'skipped' },
				{ exerciseId: 'move-2', workoutId: 'w2', status: 'done' }
			]
		});
		expect(parseRoutine(record)).toEqual({ ok: true, value: record });
	});

	it('a run where nothing was done is not recorded', () => {
		expect(routineRecord(run([result(0, { status: 'skipped' })]), 'r2')).toBeNull();
	});
});
