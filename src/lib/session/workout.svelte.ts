/**
 * The workout: a live session (session/live-session.svelte.ts) whose frames go to the Coach.
 * It adds what a workout needs on top of the camera-and-model plumbing: the counts (`state`,
 * replaced each frame), the words said for them, the history record saved as the workout goes,
 * the trace recording, and counting paused between sets.
 *
 * Counts survive interruptions: the Coach lives as long as the session and sees the session
 * clock, which runs only while frames flow.
 *
 * Every browser dependency (camera, estimator, speech, clock) comes in through `WorkoutDeps`,
 * so the class runs in Node tests with fakes.
 */
import type { CoachEvent, CoachState, ExerciseDefinition } from '$lib/engine/types';
import type { PoseFrame } from '$lib/pose/keypoints';
import { traceDownload, traceFileName } from '$lib/trace/browser-io';
import { TraceRecorder, type RecorderSnapshot } from '$lib/trace/recorder';
import { RomTracker, type RomEntry } from '$lib/rom/tracker';
import { announcerFor, type SessionSpeech, type SpeechDeps } from './announcer.svelte';
import { LiveSession, type LiveDeps, type LiveFrame } from './live-session.svelte';
import type { CountingSession, ModelChoice } from './types';

export type { Problem, ProblemAction, SessionPhase } from './live-session.svelte';

export interface CoachLike {
	/** `people`: how many persons the model saw (more than one is a setup message). */
	process(frame: PoseFrame, people?: number): CoachState;
	reset(): void;
}

export interface WorkoutDeps extends LiveDeps, SpeechDeps {
	createCoach(def: ExerciseDefinition): CoachLike;
	/**
	 * Saves the workout to the history as it happens: called when frames first flow after a
	 * start or a "Start over"; absent, nothing is saved.
	 */
	recordWorkout?(
		exerciseId: string,
		onSaveProblem?: (message: string | null) => void
	): WorkoutRecording;
}

/** One workout being saved: every frame's events go in; `end()` finishes it. */
export interface WorkoutRecording {
	/** `rangeOfMotion`: the entries this frame's reps and holds completed (rom/tracker.ts). */
	handle(events: readonly CoachEvent[], rangeOfMotion?: readonly RomEntry[]): void;
	end(): Promise<void>;
	/**
	 * After `end()`: the workout as the history stores it (its id and its span in seconds, the
	 * figure History adds up), or null when it was dropped as empty. Null before `end()`.
	 */
	result(): SavedWorkout | null;
}

/** A workout kept in the history: what a routine's summary adds up, so both say the same. */
export interface SavedWorkout {
	id: string;
	/** Seconds from its start to its end, as History counts them (storage/progress workoutSpan). */
	seconds: number;
}

/** Ends `recording` (never throws) and gives the workout it kept in the history, or null. */
export function finishRecording(recording: WorkoutRecording | null): SavedWorkout | null {
	if (!recording) return null;
	recording.end().catch(() => undefined);
	return recording.result();
}

export class WorkoutSession extends LiveSession implements CountingSession {
	readonly exercise: ExerciseDefinition;

	/** The latest coach state (replaced every frame), null before the first frame. */
	state: CoachState | null = $state.raw(null);
	/**
	 * The trace recording (for "Save trace"): the raw tracked body of every camera or video frame
	 * since the page opened, across sets and "Start over" (a set plan starts each set over), in
	 * memory only until the user saves it. A trace replay neither adds to it nor clears it.
	 * Republished when a whole second is added.
	 */
	traceRecording: RecorderSnapshot = $state.raw(new TraceRecorder().snapshot());
	/** Why the history is not being saved right now (storage full…), or null. Counting goes on. */
	saveProblem: string | null = $state(null);
	/** Whether frames go to the coach (and the history); a set plan pauses it during rests. */
	counting = $state(true);
	/** The range of motion of the last rep or hold, one entry per measure and side. */
	lastRangeOfMotion: readonly RomEntry[] = $state.raw([]);

	#deps: WorkoutDeps;
	/** Everything this workout says goes through it (see announcer.svelte.ts). */
	#speech: SessionSpeech;
	#coach: CoachLike;
	#rom: RomTracker;
	#traceRecorder = new TraceRecorder();
	/** Session seconds before the last "Start over": the recording's clock runs on through it. */
	#traceOffset = 0;
	#recording: WorkoutRecording | null = null;
	/** Workouts this session saved and finished, oldest first (plain: read once, at the end). */
	#saved: SavedWorkout[] = [];

	constructor(exercise: ExerciseDefinition, choice: ModelChoice, deps: WorkoutDeps) {
		super(choice, deps);
		this.exercise = exercise;
		this.#deps = deps;
		this.#coach = deps.createCoach(exercise);
		this.#rom = new RomTracker(exercise);
		this.#speech = announcerFor(deps);
	}

	/** The last cue or event put into words: mirrored in an aria-live region. */
	get announcement(): string {
		return this.#speech.announcer.text;
	}

	/** Whether cues can be spoken here (the browser has a speech voice). */
	get speechAvailable(): boolean {
		return this.#speech.announcer.available;
	}

	/** The workouts this session has finished and kept in the history, oldest first. */
	get savedWorkouts(): readonly SavedWorkout[] {
		return this.#saved;
	}

	/**
	 * Counting on or off. Off (a rest between sets, the dose done), frames still run the model
	 * so the skeleton follows the person, but the coach and the history see none of them: a rep
	 * made while resting is not counted, in the panel or in History.
	 */
	setCounting(on: boolean): void {
		if (this.counting === on) return;
		this.counting = on;
	}

	/** The trace recording as a file to download (`.json.gz`, else `.json`); null if empty. */
	async exportTrace(savedAt = Date.now()): Promise<{ blob: Blob; filename: string } | null> {
		const parts = this.#traceRecorder.jsonParts();
		if (!parts) return null;
		const { blob, extension } = await traceDownload(parts);
		return { blob, filename: traceFileName(this.exercise.id, savedAt, extension) };
	}

	setMuted(muted: boolean): void {
		this.#speech.announcer.muted = muted;
	}

	/** Plain, not reactive: listeners are plumbing, never shown. */
	#stateListeners: ReadonlyArray<(state: CoachState) => void> = [];

	/**
	 * Calls `listener` with every new coach state, in order (a set plan follows the counts this
	 * way); returns the unsubscribe function.
	 */
	onState(listener: (state: CoachState) => void): () => void {
		this.#stateListeners = [...this.#stateListeners, listener];
		return () => {
			this.#stateListeners = this.#stateListeners.filter((l) => l !== listener);
		};
	}

	/**
	 * A new set of the same workout: the coach's counts start again, while the saved workout, the
	 * trace recording and the session clock go on (one workout in the history, not one per set).
	 */
	resetCoach(): void {
		this.#coach.reset();
		this.state = null;
	}

	/** Says a line from outside the coach (set and routine prompts), mirrored for screen readers. */
	say(text: string): void {
		this.#speech.announcer.say(text);
	}

	#resetListeners: ReadonlyArray<() => void> = [];

	/**
	 * Calls `listener` whenever the counts start over ("Start over", a trace replayed from its
	 * start), so a set plan starts over with them; returns the unsubscribe function.
	 */
	onCountsReset(listener: () => void): () => void {
		this.#resetListeners = [...this.#resetListeners, listener];
		return () => {
			this.#resetListeners = this.#resetListeners.filter((l) => l !== listener);
		};
	}

	/** Clears reps, holds and cues (a fresh set). */
	resetCounts(): void {
		this.#endRecording();
		this.#coach.reset();
		this.#rom = new RomTracker(this.exercise);
		this.lastRangeOfMotion = [];
		this.#traceOffset += this.restartClock();
		this.state = null;
		this.#speech.announcer.clear();
		for (const listener of this.#resetListeners) listener();
	}

	dispose(): void {
		super.dispose();
		if (this.#speech.owned) this.#speech.announcer.cancel();
		this.#traceRecorder.clear();
	}

	// ---- the consumer's side of the live session ----

	protected consumeFrame(frame: LiveFrame): void {
		this.#traceRecorder.add(
			this.#traceOffset + frame.tMs / 1000,
			frame.body,
			frame.size,
			this.choice.model
		);
		this.#publishRecording();
		if (!this.counting) return;
		const state = this.#coach.process({ t: frame.t, body: frame.body }, frame.people);
		this.state = state;
		const rom = this.#rom.add(state);
		if (rom.length > 0) this.lastRangeOfMotion = rom;
		// Saved before the listeners run: a set plan may end the workout on this very frame
		// (its last rep), and that rep must be in the record it finishes.
		if (this.#deps.recordWorkout) {
			this.#recording ??= this.#deps.recordWorkout(this.exercise.id, (message) => {
				if (message && message !== this.saveProblem) this.say(message);
				this.saveProblem = message;
			});
			this.#recording.handle(state.events, rom);
		}
		// The count is said before a listener's "Set 1 done": the order a person expects.
		if (state.events.length > 0) this.#speech.announcer.events(state.events);
		for (const listener of this.#stateListeners) listener(state);
	}

	protected consumeTrace(
		frames: readonly PoseFrame[],
		{ skipping, stale }: { skipping: boolean; stale: () => boolean }
	): void {
		let state: CoachState | null = null;
		const events: CoachEvent[] = [];
		for (const frame of frames) {
			// A set plan may pause counting (or stop the replay) in the middle of a batch.
			if (stale()) break;
			this.body = frame.body;
			if (!this.counting) continue;
			state = this.#coach.process(frame);
			events.push(...state.events);
			const rom = this.#rom.add(state);
			if (rom.length > 0) this.lastRangeOfMotion = rom;
			for (const listener of this.#stateListeners) listener(state);
		}
		if (!state) return;
		this.state = state;
		// Skipping gives hundreds of events a tick: speaking them would be noise.
		if (!skipping && events.length > 0) this.#speech.announcer.events(events);
	}

	/** Fresh counts and a fresh coach: exactly what the analyser starts each file with. */
	protected traceWillStart(): void {
		this.resetCounts();
		this.#coach = this.#deps.createCoach(this.exercise);
	}

	protected sourceWillStop(): void {
		this.#endRecording();
	}

	protected notify(text: string): void {
		this.say(text);
	}

	/** Finishes the saved workout (the next frame starts a new one). Never throws. */
	#endRecording(): void {
		const recording = this.#recording;
		this.#recording = null;
		const saved = finishRecording(recording);
		if (saved) this.#saved = [...this.#saved, saved];
	}

	/** Republishes the recording's snapshot when the UI would show a change. */
	#publishRecording(): void {
		const next = this.#traceRecorder.snapshot();
		const shown = this.traceRecording;
		const same =
			next.full === shown.full &&
			(next.frames === 0) === (shown.frames === 0) &&
			Math.floor(next.seconds) === Math.floor(shown.seconds);
		if (!same) this.traceRecording = next;
	}
}
