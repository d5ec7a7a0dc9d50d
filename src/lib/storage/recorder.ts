/**
 * Saves a workout as it happens. The record is written when the session starts and rewritten,
 * whole, at most `flushMs` after anything changes, so closing the tab mid-set loses at most
 * about a second. Writes are throttled, not debounced: a debounce that restarts on every event
 * would never fire while events keep coming (a hold reports progress every frame).
 *
 * Storage failures never cost the session: the record lives in memory, the failure is reported
 * (`error`, `onError`; a full disk as StorageFullError) and the next change or flush tries again.
 *
 * Pure: the sink (the database), the clock, the timers and the id source are injected.
 */
import type { CoachEvent } from '../engine/types';
import { deleteWorkout, putWorkout, type ScapulaDb } from './db';
import { toStorageError } from './errors';
import type { RangeOfMotionRecord, WorkoutRecord } from './records';
import { defaultTimers, type Timers } from '$lib/timers';

/** Where records go: the database, or a fake in tests. */
export interface WorkoutSink {
	put(record: WorkoutRecord): Promise<void>;
	delete(id: string): Promise<void>;
}

export function workoutSink(db: ScapulaDb): WorkoutSink {
	return { put: (r) => putWorkout(db, r), delete: (id) => deleteWorkout(db, id) };
}

export type { Timers };

/**
 * Longest time (ms) a change waits in memory. 750 ms plus a write (a few ms) keeps the loss on
 * a closed tab within the ~1 s we promise; one small put per 0.75 s costs IndexedDB nothing.
 */
export const DEFAULT_FLUSH_MS = 750;

export interface WorkoutRecorderOptions {
	exerciseId: string;
	routineId?: string;
	/** Wall clock, ms since the epoch (default Date.now). */
	now?: () => number;
	newId?: () => string;
	flushMs?: number;
	timers?: Timers;
	/** Called when saving starts failing (once per run of failures) with the mapped error. */
	onError?: (error: unknown) => void;
}

function defaultId(): string {
	const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
	// randomUUID needs a secure context; http on a LAN address is not one.
	if (c?.randomUUID) return c.randomUUID();
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export class WorkoutRecorder {
	readonly #sink: WorkoutSink;
	readonly #now: () => number;
	readonly #timers: Timers;
	readonly #flushMs: number;
	readonly #onError?: (error: unknown) => void;
	#record: WorkoutRecord;
	#dirty = true;
	#timer: unknown = null;
	#pending: Promise<void> = Promise.resolve();
	/** Writes started and not yet settled. */
	#writing = 0;
	#error: unknown = null;
	#finished = false;
	#discarded = false;

	/** Starts recording and writes the new record at once (see `start` to await that write). */
	constructor(db: ScapulaDb | WorkoutSink, options: WorkoutRecorderOptions) {
		if (!options.exerciseId) throw new TypeError('exerciseId is required');
		if (options.routineId === '') throw new TypeError('routineId must not be empty');
		this.#sink = 'objectStoreNames' in db ? workoutSink(db) : db;
		this.#now = options.now ?? Date.now;
		this.#timers = options.timers ?? defaultTimers;
		this.#flushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
		this.#onError = options.onError;
		const at = new Date(this.#now()).toISOString();
		this.#record = {
			id: (options.newId ?? defaultId)(),
			exerciseId: options.exerciseId,
			startedAt: at,
			endedAt: null,
			updatedAt: at,
			reps: 0,
			holds: [],
			repScores: [],
			cues: [],
			rangeOfMotion: [],
			status: 'in-progress'
		};
		if (options.routineId !== undefined) this.#record.routineId = options.routineId;
		this.flush().catch(() => {
			// Reported through error/onError; the session goes on in memory.
		});
	}

	/**
	 * Creates the recorder and waits for the first write. A failed write does not reject: the
	 * recorder is returned anyway (check `error`), because the session must go on.
	 */
	static async start(
		db: ScapulaDb | WorkoutSink,
		options: WorkoutRecorderOptions
	): Promise<WorkoutRecorder> {
		const recorder = new WorkoutRecorder(db, options);
		await recorder.#pending.catch(() => undefined);
		return recorder;
	}

	/** A copy of the record as it stands in memory (saved or not). */
	get record(): WorkoutRecord {
		return structuredClone(this.#record);
	}

	/** The last save's failure (StorageFullError when the disk is full), or null once one works. */
	get error(): unknown {
		return this.#error;
	}

	/** True when everything in memory has been written. */
	get saved(): boolean {
		return !this.#dirty && this.#writing === 0 && this.#error === null;
	}

	/**
	 * Feed every frame's events (an empty list is fine: it still marks the session alive, so a
	 * closed tab's record ends within a second of the last frame). Returns false, changing
	 * nothing, once the workout is finished or discarded: a frame still in flight while the UI
	 * awaits `finish()` must not reopen it, nor throw inside the frame loop.
	 */
	handle(
		events: readonly CoachEvent[],
		rangeOfMotion: readonly RangeOfMotionRecord[] = []
	): boolean {
		if (this.#finished) return false;
		const r = this.#record;
		for (const e of rangeOfMotion) {
			if (Number.isFinite(e.degrees) && Number.isFinite(e.t)) r.rangeOfMotion.push({ ...e });
		}
		for (const e of events) {
			if (e.type === 'rep') {
				r.reps += 1;
				if (Number.isFinite(e.score)) r.repScores.push(Math.min(100, Math.max(0, e.score)));
			} else if (e.type === 'hold-complete') {
				r.holds.push({ side: e.side, seconds: Math.max(0, Math.round(e.seconds * 10) / 10) });
			} else if (e.type === 'cue') {
				r.cues.push({ t: Math.max(0, e.t), id: e.cue.id, text: e.cue.text });
			}
			// hold-progress and setup change nothing stored beyond the session being alive.
		}
		r.updatedAt = new Date(this.#now()).toISOString();
		this.#dirty = true;
		if (this.#timer === null) {
			this.#timer = this.#timers.set(() => {
				this.#timer = null;
				this.flush().catch(() => undefined);
			}, this.#flushMs);
		}
		return true;
	}

	/**
	 * Writes what is in memory now (call it on `pagehide` too). Rejects with the mapped error
	 * (StorageFullError) when the write fails; the data stays in memory for the next try.
	 */
	flush(): Promise<void> {
		if (this.#timer !== null) {
			this.#timers.clear(this.#timer);
			this.#timer = null;
		}
		if (this.#discarded || !this.#dirty) return this.#pending;
		this.#dirty = false;
		const snapshot = structuredClone(this.#record);
		this.#writing++;
		const write = this.#pending
			.catch(() => undefined)
			.then(() => this.#sink.put(snapshot))
			.finally(() => this.#writing--)
			.then(
				() => {
					this.#error = null;
				},
				(e: unknown) => {
					const err = toStorageError(e);
					if (this.#error === null) this.#onError?.(err);
					this.#error = err;
					this.#dirty = true;
					throw err;
				}
			);
		this.#pending = write;
		return write;
	}

	/** Marks the workout done and saves it. Rejects like `flush`; calling it again retries. */
	async finish(): Promise<WorkoutRecord> {
		if (!this.#finished) {
			const at = new Date(this.#now()).toISOString();
			this.#record.status = 'done';
			this.#record.endedAt = at;
			this.#record.updatedAt = at;
			this.#finished = true;
			this.#dirty = true;
		}
		await this.flush();
		return this.record;
	}

	/** Drops the workout (cancelled before anything worth keeping): deletes what was saved. */
	async discard(): Promise<void> {
		this.#finished = true;
		this.#discarded = true;
		if (this.#timer !== null) this.#timers.clear(this.#timer);
		this.#timer = null;
		await this.#pending.catch(() => undefined);
		try {
			await this.#sink.delete(this.#record.id);
		} catch (e) {
			throw toStorageError(e);
		}
	}
}
