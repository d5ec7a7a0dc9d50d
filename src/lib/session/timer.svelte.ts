/**
 * The guided-timer session for moves the camera does not judge: a GuidedTimer driven by an
 * interval, its snapshot as `$state.raw`, its announcements spoken and mirrored for screen
 * readers. Clock, interval and speaker are injectable.
 *
 * Saved to the history like a camera workout (`record`): each finished round is a timed hold of
 * the round's length, so a guided stretch counts for the streak and the minutes. A pause ends
 * the saved workout and a resume starts another, so History's time is time spent moving, as for
 * a camera workout (its pause turns the camera off).
 */
import type { ExerciseDefinition } from '$lib/engine/types';
import { announcerFor, type SessionSpeech, type SpeechDeps } from './announcer.svelte';
import { GuidedTimer, timerPlan, type TimerSnapshot } from './guided-timer';
import { finishRecording, type SavedWorkout, type WorkoutRecording } from './workout.svelte';

export interface TimerDeps extends SpeechDeps {
	/** Starts saving one workout of `exerciseId` to the history; absent, nothing is saved. */
	record?: (exerciseId: string) => WorkoutRecording;
	now?: () => number;
	setInterval?: (fn: () => void, ms: number) => unknown;
	clearInterval?: (handle: unknown) => void;
}

/** Display refresh; the timer itself is exact whatever this is. */
const TICK_MS = 200;

export class TimerSession {
	readonly exercise: ExerciseDefinition;
	snapshot: TimerSnapshot = $state.raw() as TimerSnapshot;
	/** Everything it says goes through an announcer: its own, or a page's shared one (announcer.svelte.ts). */
	#speech: SessionSpeech;

	#timer: GuidedTimer;
	#deps: TimerDeps & Required<Pick<TimerDeps, 'now' | 'setInterval' | 'clearInterval'>>;
	#handle: unknown = null;
	#recording: WorkoutRecording | null = null;
	/** Rounds finished that the history already has (of this run through the timer). */
	#roundsSaved = 0;
	#saved: SavedWorkout[] = [];

	constructor(exercise: ExerciseDefinition, deps: TimerDeps) {
		this.exercise = exercise;
		this.#timer = new GuidedTimer(timerPlan(exercise));
		this.#deps = {
			now: () => performance.now(),
			setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
			clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
			...deps
		};
		this.snapshot = this.#timer.snapshot();
		this.#speech = announcerFor(deps);
	}

	/** The last line said: mirrored in an aria-live region. */
	get announcement(): string {
		return this.#speech.announcer.text;
	}

	get running(): boolean {
		const s = this.snapshot;
		return (s.phase === 'work' || s.phase === 'rest') && !s.paused;
	}

	/** Seconds of work in the whole timer (rests excluded): what a finished timer shows. */
	get workSeconds(): number {
		return this.#timer.plan.reduce((a, r) => a + r.seconds, 0);
	}

	/** The workouts this timer saved and finished, oldest first. */
	get savedWorkouts(): readonly SavedWorkout[] {
		return this.#saved;
	}

	start(): void {
		const first = this.snapshot.phase === 'ready' || this.snapshot.phase === 'done';
		if (first) this.#roundsSaved = 0;
		this.#timer.start(this.#deps.now());
		if (first) this.#say(this.#speech.announcer.words.timerGo(this.#timer.snapshot().label));
		this.#recording ??= this.#deps.record?.(this.exercise.id) ?? null;
		this.#ensureTicking();
		this.snapshot = this.#timer.snapshot();
	}

	pause(): void {
		this.#timer.pause(this.#deps.now());
		this.#stopTicking();
		this.snapshot = this.#timer.snapshot();
		this.#saveRounds();
		this.#endRecording();
	}

	reset(): void {
		this.#endRecording();
		this.#timer.reset();
		this.#stopTicking();
		this.snapshot = this.#timer.snapshot();
		this.#speech.announcer.clear();
		this.#roundsSaved = 0;
	}

	setMuted(muted: boolean): void {
		this.#speech.announcer.muted = muted;
	}

	/** One step of the clock (the interval calls this; tests may too). */
	tick(): void {
		for (const text of this.#timer.tick(this.#deps.now())) this.#say(text);
		this.snapshot = this.#timer.snapshot();
		this.#saveRounds();
		if (this.snapshot.phase === 'done') {
			this.#stopTicking();
			this.#endRecording();
		}
	}

	dispose(): void {
		this.#stopTicking();
		this.#endRecording();
		if (this.#speech.owned) this.#speech.announcer.cancel();
	}

	/** Hands the rounds finished since the last call to the history, as timed holds. */
	#saveRounds(): void {
		const recording = this.#recording;
		if (!recording) return;
		const done = this.snapshot.completed;
		for (let i = this.#roundsSaved; i < done; i++) {
			const round = this.#timer.plan[i]!;
			recording.handle([
				{
					type: 'hold-complete',
					t: 0,
					seconds: round.seconds,
					side: round.side ?? null,
					count: i + 1
				}
			]);
		}
		this.#roundsSaved = Math.max(this.#roundsSaved, done);
	}

	#endRecording(): void {
		const recording = this.#recording;
		this.#recording = null;
		const saved = finishRecording(recording);
		if (saved) this.#saved = [...this.#saved, saved];
	}

	#say(text: string): void {
		this.#speech.announcer.say(text);
	}

	#ensureTicking(): void {
		if (this.#handle === null) this.#handle = this.#deps.setInterval(() => this.tick(), TICK_MS);
	}

	#stopTicking(): void {
		if (this.#handle !== null) this.#deps.clearInterval(this.#handle);
		this.#handle = null;
	}
}
