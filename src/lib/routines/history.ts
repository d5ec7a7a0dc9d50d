/**
 * A finished run through a routine as the history stores it (RoutineRecord): which routine, when,
 * and each item's saved workout or "skipped". Its items' workouts are saved as they happen (with
 * the routine's id); this record ties them together, and the data panel counts it.
 */
import type { RoutineRecord } from '$lib/storage';
import type { ItemResult, RoutineRun } from './player.svelte';

/** The record of a run, or null when nothing in it was done (an ended-at-once run is no run). */
export function routineRecord(run: RoutineRun, id: string): RoutineRecord | null {
	if (!run.results.some((r) => r.status !== 'skipped')) return null;
	return {
		id,
		routineId: run.routine.id,
		name: run.routine.name,
		startedAt: new Date(run.startedAt).toISOString(),
		endedAt: new Date(Math.max(run.startedAt, run.endedAt)).toISOString(),
		items: run.results.map((r: ItemResult) => {
			const workoutId = r.outcome.workouts[0]?.id ?? null;
			return {
				exerciseId: r.exerciseId,
				workoutId,
				status: r.status === 'skipped' || workoutId === null ? 'skipped' : 'done'
			};
		})
	};
}
