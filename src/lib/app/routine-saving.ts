/**
 * Saves a finished routine run in this browser's history (the items' workouts are already saved
 * as they happened). Never throws: a failed save is logged and reported as false, and the summary
 * still shows.
 */
import { routineRecord } from '$lib/routines/history';
import type { RoutineRun } from '$lib/routines/player.svelte';
import { putRoutine, type ScapulaDb } from '$lib/storage';
import { historyDb } from '../storage/connection';

function newId(): string {
	const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
	// randomUUID needs a secure context; http on a LAN address is not one.
	if (c?.randomUUID) return c.randomUUID();
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** True when the run was saved, false when there was nothing to save or the save failed. */
export async function saveRoutineRun(
	run: RoutineRun,
	db: () => Promise<ScapulaDb> = historyDb
): Promise<boolean> {
	const record = routineRecord(run, newId());
	if (!record) return false;
	try {
		await putRoutine(await db(), record);
		return true;
	} catch (e) {
		console.warn('Scapula: the routine was not saved', e);
		return false;
	}
}
