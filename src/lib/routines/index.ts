/** Routines: presets, the user's own, their doses and durations, and the player. */
import type { StorageLike } from '$lib/storage/local';
import { loadCustomRoutines } from './custom';
import { getPreset } from './presets';
import type { Routine } from './types';

export * from './types';
export * from './dose';
export * from './duration';
export * from './presets';
export * from './custom';

/** A preset or saved routine by id. */
export function findRoutine(id: string, storage: StorageLike): Routine | undefined {
	return getPreset(id) ?? loadCustomRoutines(storage).find((r) => r.id === id);
}
