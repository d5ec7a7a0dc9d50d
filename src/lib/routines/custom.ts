/**
 * Routines the user builds (pick exercises, set the order), kept in this browser through the
 * guarded storage: a blocked or full localStorage loses the routine, never the app. Whatever is
 * read back is validated; unknown exercises (a catalog id renamed since) are dropped.
 */
import { getExercise } from '$lib/exercises';
import { readJson, writeJson, type StorageLike } from '$lib/storage/local';
import type { Routine, RoutineItem } from './types';

export const CUSTOM_KEY = 'scapula:routines';
/** Longest name kept (characters); the list and the player title stay on one line. */
export const MAX_NAME_LENGTH = 60;
/** Most items in one routine: an hour of exercise is already far more than the sources ask. */
export const MAX_ITEMS = 40;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const isStoredList = (v: unknown): v is unknown[] => Array.isArray(v);

function toRoutine(v: unknown): Routine | null {
	if (!isObject(v) || typeof v.id !== 'string' || !v.id.startsWith('custom-')) return null;
	if (typeof v.name !== 'string' || !Array.isArray(v.items)) return null;
	const items: RoutineItem[] = [];
	for (const it of v.items as unknown[]) {
		if (isObject(it) && typeof it.exerciseId === 'string' && getExercise(it.exerciseId)) {
			items.push({ exerciseId: it.exerciseId });
		}
	}
	return {
		id: v.id,
		name: cleanName(v.name),
		blurb: 'Your own routine.',
		items: items.slice(0, MAX_ITEMS),
		custom: true
	};
}

/** Trimmed, one line, at most MAX_NAME_LENGTH characters; "My routine" when empty. */
export function cleanName(name: string): string {
	const one = name.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH).trim();
	return one || 'My routine';
}

export function loadCustomRoutines(storage: StorageLike): Routine[] {
	const raw = readJson(storage, CUSTOM_KEY, [] as unknown[], isStoredList);
	const out: Routine[] = [];
	const ids = new Set<string>();
	for (const v of raw) {
		const r = toRoutine(v);
		if (r && !ids.has(r.id)) {
			ids.add(r.id);
			out.push(r);
		}
	}
	return out;
}

function store(storage: StorageLike, routines: readonly Routine[]): void {
	writeJson(
		storage,
		CUSTOM_KEY,
		routines.map((r) => ({
			id: r.id,
			name: r.name,
			items: r.items.map((i) => ({ exerciseId: i.exerciseId }))
		}))
	);
}

/** A fresh id for a new routine. */
export function newRoutineId(random: () => number = Math.random, now = Date.now()): string {
	return `custom-${now.toString(36)}${Math.floor(random() * 36 ** 4)
		.toString(36)
		.padStart(4, '0')}`;
}

/**
 * Saves (adds, or replaces the one with the same id) a routine and returns the saved copy.
 * Throws on an empty routine: the builder does not offer to save one.
 */
export function saveCustomRoutine(
	storage: StorageLike,
	routine: { id?: string; name: string; items: readonly RoutineItem[] }
): Routine {
	const items = routine.items
		.filter((i) => getExercise(i.exerciseId))
		.slice(0, MAX_ITEMS)
		.map((i) => ({ exerciseId: i.exerciseId }));
	if (items.length === 0) throw new Error('A routine needs at least one exercise.');
	const saved: Routine = {
		id: routine.id?.startsWith('custom-') ? routine.id : newRoutineId(),
		name: cleanName(routine.name),
		blurb: 'Your own routine.',
		items,
		custom: true
	};
	const all = loadCustomRoutines(storage);
	const at = all.findIndex((r) => r.id === saved.id);
	if (at >= 0) all[at] = saved;
	else all.push(saved);
	store(storage, all);
	return saved;
}

export function deleteCustomRoutine(storage: StorageLike, id: string): void {
	store(
		storage,
		loadCustomRoutines(storage).filter((r) => r.id !== id)
	);
}
