/**
 * The browser's item runners for the routine player: a camera workout (a WorkoutSession with a
 * SetTracker following its dose) for camera-checked moves, a guided timer (camera off) for the
 * rest. One session per item: each item's counts start fresh, as on the single-exercise page.
 * Each speaks through the player's announcer (`RunnerOptions.announcer`), never a voice of its own.
 */
import type { SetPlanOptions } from '$lib/engine/set-plan';
import type { ExerciseDefinition } from '$lib/engine/types';
import type { Announcer } from '$lib/session/announcer.svelte';
import { Speaker } from '$lib/speech/speaker';
import { createWorkoutSession } from '$lib/app/workout-pipeline';
import type { Settings } from '$lib/app/settings.svelte';
import { recordWithProblems } from '$lib/app/recording';
import { TimerSession } from '$lib/session/timer.svelte';
import type { WorkoutSession } from '$lib/session/workout.svelte';
import { EMPTY_OUTCOME, type ItemOutcome, type ItemRunner } from './player.svelte';
import { SetTracker } from './set-tracker.svelte';

/** How the player runs its items. */
export interface RunnerOptions {
	/** The set plan's options (short test doses rest 3 s). */
	plan?: SetPlanOptions;
	/** Marks the saved workouts as the routine's. */
	routineId?: string;
	/** The page's one announcer (the player's); absent, the item speaks with a voice of its own. */
	announcer?: Announcer;
}

export class CameraRunner implements ItemRunner {
	readonly kind = 'camera';
	readonly session: WorkoutSession;
	readonly sets: SetTracker;
	#settings: Settings;
	#want = false;
	#mounted = false;

	constructor(def: ExerciseDefinition, settings: Settings, options: RunnerOptions = {}) {
		this.#settings = settings;
		const { routineId, announcer } = options;
		this.session = createWorkoutSession(def, settings, { routineId, announcer });
		this.sets = new SetTracker(this.session, def, options.plan);
		this.session.preload();
	}

	/** The stage's video element is attached: the camera can start now if it should run. */
	mounted(): void {
		this.#mounted = true;
		if (this.#want) this.#startCamera();
	}

	start(): void {
		this.#want = true;
		if (this.#mounted) this.#startCamera();
	}

	pause(): void {
		this.#want = false;
		this.session.stop();
	}

	/** After a camera problem (the stage's buttons): try the camera again. */
	retry(): void {
		this.#startCamera();
	}

	finished(): boolean {
		return this.sets.finished;
	}

	outcome(): ItemOutcome {
		const s = this.sets.summary();
		return {
			...EMPTY_OUTCOME,
			reps: s.totalReps,
			holds: s.totalHolds,
			repsPerSet: s.kind === 'reps' ? s.sets.map((r) => r.reps) : [],
			meanScore: s.meanScore,
			sides: s.sides,
			asymmetry: this.sets.asymmetry(),
			workouts: this.session.savedWorkouts
		};
	}

	setMuted(muted: boolean): void {
		this.session.setMuted(muted);
	}

	dispose(): void {
		this.sets.dispose();
		this.session.dispose();
	}

	#startCamera(): void {
		if (this.session.running || this.session.phase === 'starting') return;
		const settings = this.#settings;
		void this.session.startCamera(settings.cameraId || undefined).then(() => {
			if (this.session.cameraId) settings.cameraId = this.session.cameraId;
		});
	}
}

export class TimerRunner implements ItemRunner {
	readonly kind = 'timer';
	readonly timer: TimerSession;

	constructor(def: ExerciseDefinition, settings: Settings, options: RunnerOptions = {}) {
		const { routineId, announcer } = options;
		this.timer = new TimerSession(def, {
			...(announcer ? { announcer } : { speaker: new Speaker({ volume: settings.volume }) }),
			// Saved to the history like the camera items: it counts for the streak and the minutes.
			record: (id) => recordWithProblems(id, { routineId })
		});
	}

	start(): void {
		if (!this.timer.running) this.timer.start();
	}

	pause(): void {
		this.timer.pause();
	}

	finished(): boolean {
		return this.timer.snapshot.phase === 'done';
	}

	outcome(): ItemOutcome {
		const s = this.timer.snapshot;
		return {
			...EMPTY_OUTCOME,
			rounds: { done: s.completed, total: s.rounds },
			workouts: this.timer.savedWorkouts
		};
	}

	setMuted(muted: boolean): void {
		this.timer.setMuted(muted);
	}

	dispose(): void {
		this.timer.dispose();
	}
}

/** The player's runner factory for this browser: each item speaks through the player's announcer. */
export function browserRunners(
	settings: Settings,
	options: Omit<RunnerOptions, 'announcer'> = {}
): (def: ExerciseDefinition, index: number, announcer: Announcer) => ItemRunner {
	return (def, _index, announcer) =>
		def.cameraChecked
			? new CameraRunner(def, settings, { ...options, announcer })
			: new TimerRunner(def, settings, { ...options, announcer });
}
