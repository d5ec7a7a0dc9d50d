/**
 * The guided-timer session for moves the camera does not judge: a GuidedTimer driven by an
 * interval, its snapshot as `$state.raw`, its announcements spoken and mirrored for screen
 * readers. Clock, interval and speaker are injectable.
 */
import type { ExerciseDefinition } from '$lib/engine/types';
import type { Speaker } from '$lib/speech/speaker';
import { GuidedTimer, timerPlan, type TimerSnapshot } from './guided-timer';

export interface TimerDeps {
	speaker: Speaker;
	now?: () => number;
	setInterval?: (fn: () => void, ms: number) => unknown;
	clearInterval?: (handle: unknown) => void;
}

/** Display refresh; the timer itself is exact whatever this is. */
const TICK_MS = 200;

export class TimerSession {
	readonly exercise: ExerciseDefinition;
	snapshot: TimerSnapshot = $state.raw() as TimerSnapshot;
	announcement = $state('');

	#timer: GuidedTimer;
	#deps: Required<TimerDeps>;
	#handle: unknown = null;

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
	}

	get running(): boolean {
		const s = this.snapshot;
		return (s.phase === 'work' || s.phase === 'rest') && !s.paused;
	}

	start(): void {
		const first = this.snapshot.phase === 'ready' || this.snapshot.phase === 'done';
		this.#timer.start(this.#deps.now());
		if (first) this.#say(`Go: ${this.#timer.snapshot().label}.`);
		this.#ensureTicking();
		this.snapshot = this.#timer.snapshot();
	}

	pause(): void {
		this.#timer.pause(this.#deps.now());
		this.#stopTicking();
		this.snapshot = this.#timer.snapshot();
	}

	reset(): void {
		this.#timer.reset();
		this.#stopTicking();
		this.snapshot = this.#timer.snapshot();
		this.announcement = '';
	}

	setMuted(muted: boolean): void {
		this.#deps.speaker.muted = muted;
	}

	/** One step of the clock (the interval calls this; tests may too). */
	tick(): void {
		for (const text of this.#timer.tick(this.#deps.now())) this.#say(text);
		this.snapshot = this.#timer.snapshot();
		if (this.snapshot.phase === 'done') this.#stopTicking();
	}

	dispose(): void {
		this.#stopTicking();
		this.#deps.speaker.cancel();
	}

	#say(text: string): void {
		this.announcement = text;
		this.#deps.speaker.say(text);
	}

	#ensureTicking(): void {
		if (this.#handle === null) this.#handle = this.#deps.setInterval(() => this.tick(), TICK_MS);
	}

	#stopTicking(): void {
		if (this.#handle !== null) this.#deps.clearInterval(this.#handle);
		this.#handle = null;
	}
}
