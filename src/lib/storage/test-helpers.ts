/**
 * Test-only helpers: a fresh fake IndexedDB per test, hand-driven timers and a fake clock, and
 * record builders. Imported by the specs only.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openScapulaDb, type ScapulaDb } from './db';
import type { Timers } from './recorder';
import type { PostureDayRecord, WorkoutRecord } from './records';

/** A new, empty IndexedDB (its own factory, so tests never share data) and the app's database. */
export async function freshDb(): Promise<{ db: ScapulaDb; factory: IDBFactory }> {
	const factory = new IDBFactory();
	return { db: await openScapulaDb({ factory }), factory };
}

/** A wall clock and timers that move only when told to. */
export function manualTime(start = Date.UTC(2025, 2, 3, 9, 0, 0)) {
	let t = start;
	let seq = 0;
	const due = new Map<number, { at: number; fn: () => void }>();
	const timers: Timers = {
		set(fn, ms) {
			const id = ++seq;
			due.set(id, { at: t + ms, fn });
			return id;
		},
		clear(handle) {
			due.delete(handle as number);
		}
	};
	return {
		now: () => t,
		timers,
		/** Pending timer count. */
		pending: () => due.size,
		/** Moves the clock by `ms`, firing timers that come due, in order. */
		advance(ms: number) {
			const end = t + ms;
			for (;;) {
				const next = [...due.entries()]
					.filter(([, d]) => d.at <= end)
					.sort((a, b) => a[1].at - b[1].at)[0];
				if (!next) break;
				due.delete(next[0]);
				t = next[1].at;
				next[1].fn();
			}
			t = end;
		}
	};
}

export function workout(over: Partial<WorkoutRecord> = {}): WorkoutRecord {
	const startedAt = over.startedAt ?? '2025-03-03T09:00:00.000Z';
	const endedAt =
		over.endedAt !== undefined
			? over.endedAt
			: new Date(Date.parse(startedAt) + 5 * 60_000).toISOString();
	return {
		id: 'w1',
		exerciseId: 'wall-angels',
		startedAt,
		endedAt,
		updatedAt: endedAt ?? startedAt,
		reps: 0,
		holds: [],
		repScores: [],
		cues: [],
		rangeOfMotion: [],
		status: endedAt === null ? 'in-progress' : 'done',
		...over
	};
}

export function postureDay(
	date: string,
	seconds: Partial<PostureDayRecord['seconds']> = {},
	nudges = 0,
	slouchedBy: Partial<PostureDayRecord['slouchedBy']> = {}
): PostureDayRecord {
	return {
		date,
		seconds: { upright: 0, slouched: 0, away: 0, unknown: 0, ...seconds },
		slouchedBy: { 'forward-head': 0, 'rounded-shoulders': 0, ...slouchedBy },
		nudges
	};
}
