/**
 * Saves a camera workout to the history while it runs: a WorkoutRecorder (throttled writes)
 * plus the page lifecycle. The record is written when the first frame arrives, after changes at
 * most every 0.75 s, and at once when the page is hidden or closed (`visibilitychange`,
 * `pagehide`), so a reload or a closed tab mid-set keeps what was done.
 *
 * Only counts, scores, cue texts and range-of-motion degrees are stored; frames never are.
 */
import type { CoachEvent } from '$lib/engine/types';
import type { RomEntry } from '$lib/rom/tracker';
import {
	deleteWorkout,
	putWorkout,
	requestPersistentStorage,
	StorageFullError,
	StorageUnavailableError,
	WorkoutRecorder,
	type ScapulaDb,
	type WorkoutRecord,
	type WorkoutRecorderOptions,
	type WorkoutSink
} from '$lib/storage';
import { workoutSpan } from '$lib/storage/progress';
import type { SavedWorkout, WorkoutRecording } from '$lib/session/workout.svelte';
import { historyDb } from '../storage/connection';

/**
 * A session shorter than this (wall clock, ms) that counted nothing is dropped when it ends: a
 * camera started and stopped again is not a workout. Anything counted is always kept.
 */
export const MIN_EMPTY_WORKOUT_MS = 15_000;

/** The page events the recording listens to (a window and its document, or fakes). */
export interface PageLifecycle {
	addEventListener(type: 'pagehide', listener: () => void): void;
	removeEventListener(type: 'pagehide', listener: () => void): void;
	/** Whether the page is hidden now. */
	hidden(): boolean;
	onVisibilityChange(listener: () => void): () => void;
}

function browserLifecycle(): PageLifecycle | null {
	if (typeof window === 'undefined' || typeof document === 'undefined') return null;
	return {
		addEventListener: (type, l) => window.addEventListener(type, l),
		removeEventListener: (type, l) => window.removeEventListener(type, l),
		hidden: () => document.visibilityState === 'hidden',
		onVisibilityChange(l) {
			document.addEventListener('visibilitychange', l);
			return () => document.removeEventListener('visibilitychange', l);
		}
	};
}

export interface RecordWorkoutOptions extends Partial<
	Pick<WorkoutRecorderOptions, 'now' | 'timers' | 'newId' | 'flushMs' | 'onError'>
> {
	db?: () => Promise<ScapulaDb>;
	lifecycle?: PageLifecycle | null;
	/** The routine this workout is part of (RoutineRecord.routineId). */
	routineId?: string;
	/** Called after a kept workout is finished (default: ask for persistent storage). */
	onFinished?: (record: WorkoutRecord) => void;
}

/** Starts recording one workout of `exerciseId`; `end()` finishes (or drops) it. */
export function recordWorkout(
	exerciseId: string,
	options: RecordWorkoutOptions = {}
): WorkoutRecording & { readonly recorder: WorkoutRecorder } {
	const db = options.db ?? historyDb;
	const sink: WorkoutSink = {
		put: async (r) => putWorkout(await db(), r),
		delete: async (id) => deleteWorkout(await db(), id)
	};
	const now = options.now ?? Date.now;
	const recorder = new WorkoutRecorder(sink, {
		exerciseId,
		routineId: options.routineId,
		now,
		timers: options.timers,
		newId: options.newId,
		flushMs: options.flushMs,
		onError: options.onError ?? ((e) => console.warn('Scapula: the workout is not being saved', e))
	});
	const lifecycle = options.lifecycle === undefined ? browserLifecycle() : options.lifecycle;
	const flushNow = () => void recorder.flush().catch(() => undefined);
	const onVisibility = () => {
		if (lifecycle?.hidden()) flushNow();
	};
	lifecycle?.addEventListener('pagehide', flushNow);
	const stopWatching = lifecycle?.onVisibilityChange(onVisibility);
	let ended: Promise<void> | null = null;
	let result: SavedWorkout | null = null;

	return {
		recorder,
		handle(events: readonly CoachEvent[], rangeOfMotion?: readonly RomEntry[]) {
			recorder.handle(events, rangeOfMotion);
		},
		end() {
			if (ended) return ended;
			lifecycle?.removeEventListener('pagehide', flushNow);
			stopWatching?.();
			const r = recorder.record;
			const empty = r.reps === 0 && r.holds.length === 0;
			if (empty && now() - Date.parse(r.startedAt) < MIN_EMPTY_WORKOUT_MS) {
				ended = recorder.discard();
				return ended;
			}
			// finish() marks the record done (endedAt now) before it awaits the write, so the span
			// read here is the one stored.
			const finishing = recorder.finish();
			const { start, end } = workoutSpan(recorder.record);
			result = { id: r.id, seconds: (end - start) / 1000 };
			ended = finishing.then((done) => {
				(options.onFinished ?? (() => void requestPersistentStorage()))(done);
			});
			return ended;
		},
		result: () => result
	};
}

/** Why the history is not being saved, in words. */
function saveProblemText(error: unknown): string {
	if (error instanceof StorageFullError || error instanceof StorageUnavailableError) {
		return `This workout is not being saved: ${error.message}`;
	}
	const detail = error instanceof Error ? error.message : String(error);
	return `This workout is not being saved to your history (${detail}). Counting goes on.`;
}

/**
 * Records a workout (camera or guided timer) and reports a failing save, and its end once a
 * later write works (the recorder keeps the workout in memory and retries).
 */
export function recordWithProblems(
	exerciseId: string,
	options: { onProblem?: (message: string | null) => void; routineId?: string } = {}
): WorkoutRecording {
	const onProblem = options.onProblem ?? (() => {});
	let failing = false;
	const r = recordWorkout(exerciseId, {
		routineId: options.routineId,
		onError: (e) => {
			failing = true;
			console.warn('Scapula: the workout is not being saved', e);
			onProblem(saveProblemText(e));
		}
	});
	return {
		handle(events, rangeOfMotion) {
			r.handle(events, rangeOfMotion);
			if (failing && r.recorder.error === null) {
				failing = false;
				onProblem(null);
			}
		},
		end: () => r.end(),
		result: () => r.result()
	};
}
