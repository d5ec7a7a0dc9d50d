/**
 * The guided routine player: runs a routine's items one after another. Before each item a short
 * "Next: shoulder rolls, 12 reps" pause (spoken, counted down, skippable); then the item runs
 * through an {@link ItemRunner} (a camera workout or a camera-off guided timer) until its dose
 * is done; at the end a summary per item (reps, holds, score, or skipped).
 *
 * The runners come from an injected factory, and clock, interval and speaker are injectable,
 * so the whole state machine runs in Node tests with a fake clock and fake runners. The player
 * owns the page's one announcer and hands it to every runner: its prompts and the item's cues
 * share one priority order and one queue, so they never talk over each other.
 *
 *   overview ──start──▶ next ──(countdown / begin)──▶ item ──(dose done / skip)──▶ next … ─▶ summary
 *                         └──────────skip─────────────────────────────────────────▶ next …
 */
import { Announcer } from '$lib/session/announcer.svelte';
import type { ExerciseDefinition, Side } from '$lib/engine/types';
import type { SideSummary } from '$lib/engine/set-plan';
import { ANNOUNCEMENTS_EN, type Announcements } from '$lib/text/announcements.en';
import { doseText } from '$lib/text/exercise-text';
import type { SavedWorkout } from '$lib/session/workout.svelte';
import { itemDefinition } from './duration';
import type { Routine } from './types';

/** Seconds of the "Next:" pause before each item. */
export const NEXT_PAUSE_SECONDS = 10;
/** Display and polling period (ms); the countdown itself is exact whatever this is. */
const TICK_MS = 200;

/** What an item achieved, whatever ran it. */
export interface ItemOutcome {
	reps: number;
	holds: number;
	/** Reps per set, for rep moves (e.g. [10, 8]). */
	repsPerSet: number[];
	/** Mean rep or hold score, 0–100, or null (timers, or nothing scored). */
	meanScore: number | null;
	/** Per-side holds. */
	sides: Record<Side, SideSummary> | null;
	/** One sentence on the difference between sides, or null. */
	asymmetry: string | null;
	/** Guided timers: rounds finished of all. */
	rounds: { done: number; total: number } | null;
	/**
	 * The workouts the item saved in the history (one per stretch of counting: a pause ends one),
	 * with their seconds as History counts them. The summary's time adds these up, so the two agree.
	 */
	workouts: readonly SavedWorkout[];
}

export const EMPTY_OUTCOME: Readonly<ItemOutcome> = Object.freeze({
	reps: 0,
	holds: 0,
	repsPerSet: [],
	meanScore: null,
	sides: null,
	asymmetry: null,
	rounds: null,
	workouts: []
});

/** One item's session (camera workout or guided timer), driven by the player. */
export interface ItemRunner {
	readonly kind: 'camera' | 'timer';
	/** Starts, or resumes after pause(). */
	start(): void;
	pause(): void;
	/** The whole dose is done (polled by the player). */
	finished(): boolean;
	outcome(): ItemOutcome;
	setMuted(muted: boolean): void;
	dispose(): void;
}

export interface SpeakerLike {
	say(text: string): void;
	cancel(): void;
	muted: boolean;
}

export interface PlayerDeps {
	/** `announcer`: the player's, for everything the item says (one queue for the page). */
	createRunner(def: ExerciseDefinition, index: number, announcer: Announcer): ItemRunner;
	speaker: SpeakerLike;
	/** Milliseconds, monotonic (performance.now). */
	now?: () => number;
	setInterval?: (fn: () => void, ms: number) => unknown;
	clearInterval?: (handle: unknown) => void;
	/** Seconds of the "Next:" pause (default NEXT_PAUSE_SECONDS). */
	nextPauseSeconds?: number;
	/** Wall clock, ms since the epoch (default Date.now): when the run started and ended. */
	wallClock?: () => number;
	/** Called once when a run reaches its summary (to save it in the history). */
	onFinish?: (run: RoutineRun) => void;
}

/** One run through a routine, as it ended. */
export interface RoutineRun {
	routine: Routine;
	results: readonly ItemResult[];
	/** ms since the epoch. */
	startedAt: number;
	endedAt: number;
}

export type PlayerPhase = 'overview' | 'next' | 'item' | 'summary';
export type ItemStatus = 'done' | 'partial' | 'skipped';

export interface PlayerItem {
	index: number;
	/** The definition with the item's dose applied. */
	def: ExerciseDefinition;
	/** e.g. "12 reps", "2 × 30 s hold". */
	dose: string;
}

export interface ItemResult {
	index: number;
	exerciseId: string;
	name: string;
	dose: string;
	status: ItemStatus;
	outcome: ItemOutcome;
	/** Seconds the item ran (pauses excluded). */
	seconds: number;
}

/** The items of a routine with their doses applied; unknown ids are left out. */
export function playerItems(routine: Pick<Routine, 'items'>): PlayerItem[] {
	const out: PlayerItem[] = [];
	for (const item of routine.items) {
		const def = itemDefinition(item);
		if (def) out.push({ index: out.length, def, dose: doseText(def) });
	}
	return out;
}

/** "Next: shoulder rolls, 12 reps." */
export function nextPrompt(item: PlayerItem, words: Announcements = ANNOUNCEMENTS_EN): string {
	return words.routineNext(item.def.name, item.dose);
}

export class RoutinePlayer {
	readonly routine: Routine;
	readonly items: readonly PlayerItem[];

	phase: PlayerPhase = $state('overview');
	/** Index of the current (or coming) item. */
	index = $state(0);
	paused = $state(false);
	/** The running item's runner (in 'item'), else null. */
	runner: ItemRunner | null = $state.raw(null);
	results: readonly ItemResult[] = $state.raw([]);
	/** Seconds left of the "Next:" pause. */
	nextRemaining = $state(0);
	/** Everything it and its items say goes through the session's announcer (session/announcer.svelte.ts). */
	#announcer: Announcer;

	#deps: PlayerDeps & Required<Pick<PlayerDeps, 'now' | 'setInterval' | 'clearInterval'>>;
	#pauseSeconds: number;
	#handle: unknown = null;
	/** Clock of the current phase: seconds accumulated while not paused, and since when. */
	#phaseSeconds = 0;
	#runningSince: number | null = null;
	#muted = false;
	/** Wall clock (ms since the epoch) of this run's start. */
	#startedAt = 0;

	constructor(routine: Routine, deps: PlayerDeps) {
		this.routine = routine;
		this.items = playerItems(routine);
		this.#deps = {
			now: () => performance.now(),
			setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
			clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
			...deps
		};
		this.#pauseSeconds = deps.nextPauseSeconds ?? NEXT_PAUSE_SECONDS;
		this.nextRemaining = this.#pauseSeconds;
		this.#announcer = new Announcer(deps.speaker);
	}

	/** The last line said, by the player or its item: mirrored in an aria-live region. */
	get announcement(): string {
		return this.#announcer.text;
	}

	/** Seconds of the "Next:" pause. */
	get pauseSeconds(): number {
		return this.#pauseSeconds;
	}

	get current(): PlayerItem | null {
		return this.items[this.index] ?? null;
	}

	/** Overview → the first item's "Next:" pause. */
	start(): void {
		if (this.phase !== 'overview' && this.phase !== 'summary') return;
		this.results = [];
		this.paused = false;
		this.#startedAt = (this.#deps.wallClock ?? Date.now)();
		if (this.items.length === 0) {
			this.#finish();
			return;
		}
		this.#ensureTicking();
		this.#goNext(0);
	}

	/** Ends the "Next:" pause now and starts the item. */
	begin(): void {
		if (this.phase !== 'next') return;
		const item = this.current;
		if (!item) return;
		this.paused = false;
		this.phase = 'item';
		this.#resetClock();
		const runner = this.#deps.createRunner(item.def, item.index, this.#announcer);
		runner.setMuted(this.#muted);
		this.runner = runner;
		runner.start();
	}

	pause(): void {
		if (this.paused || (this.phase !== 'next' && this.phase !== 'item')) return;
		this.#stopClock();
		this.paused = true;
		this.runner?.pause();
	}

	resume(): void {
		if (!this.paused) return;
		this.paused = false;
		this.#runningSince = this.#deps.now();
		this.runner?.start();
	}

	/** Skips the coming item (in its "Next:" pause) or ends the running one where it is. */
	skip(): void {
		if (this.phase === 'next') {
			const item = this.current;
			if (item) this.#record(item, 'skipped', EMPTY_OUTCOME, 0);
			this.#advance();
		} else if (this.phase === 'item') {
			this.#endItem(false);
		}
	}

	/** Stops the routine: the items not done are marked skipped and the summary shows. */
	end(): void {
		if (this.phase === 'item') this.#endItem(false, false);
		for (const item of this.items) this.#record(item, 'skipped', EMPTY_OUTCOME, 0);
		this.#finish();
	}

	/** Back to the overview, nothing recorded. */
	restart(): void {
		this.#disposeRunner();
		this.#stopTicking();
		this.phase = 'overview';
		this.index = 0;
		this.paused = false;
		this.results = [];
		this.nextRemaining = this.#pauseSeconds;
	}

	setMuted(muted: boolean): void {
		this.#muted = muted;
		this.#announcer.muted = muted;
		this.runner?.setMuted(muted);
	}

	/** One step of the clock (the interval calls this; tests may too). */
	tick(): void {
		if (this.paused) return;
		if (this.phase === 'next') {
			this.nextRemaining = Math.max(0, this.#pauseSeconds - this.#elapsed());
			if (this.nextRemaining <= 0) this.begin();
		} else if (this.phase === 'item' && this.runner?.finished()) {
			this.#endItem(true);
		}
	}

	/** Seconds the current phase has run (pauses excluded). */
	#elapsed(): number {
		const since = this.#runningSince;
		return this.#phaseSeconds + (since === null ? 0 : (this.#deps.now() - since) / 1000);
	}

	dispose(): void {
		this.#disposeRunner();
		this.#stopTicking();
		this.#announcer.cancel();
	}

	// ---- internals ----

	#goNext(index: number): void {
		this.index = index;
		this.phase = 'next';
		this.#resetClock();
		this.nextRemaining = this.#pauseSeconds;
		const item = this.items[index];
		if (item) this.#say(nextPrompt(item, this.#announcer.words));
	}

	#endItem(finished: boolean, advance = true): void {
		const item = this.current;
		const runner = this.runner;
		if (!item || !runner) return;
		// Disposed first: that ends the item's saved workouts, which the outcome reports.
		this.#disposeRunner();
		const outcome = runner.outcome();
		const didSomething = outcome.reps > 0 || outcome.holds > 0 || (outcome.rounds?.done ?? 0) > 0;
		const status: ItemStatus = finished ? 'done' : didSomething ? 'partial' : 'skipped';
		this.#record(item, status, outcome, this.#elapsed());
		if (advance) this.#advance();
	}

	#advance(): void {
		const next = this.index + 1;
		if (next >= this.items.length) this.#finish();
		else this.#goNext(next);
	}

	#finish(): void {
		this.#disposeRunner();
		this.#stopTicking();
		this.paused = false;
		this.phase = 'summary';
		this.index = Math.min(this.index, Math.max(0, this.items.length - 1));
		const done = this.results.filter((r) => r.status !== 'skipped').length;
		this.#say(this.#announcer.words.routineDone(done > 0));
		this.#deps.onFinish?.({
			routine: this.routine,
			results: [...this.results].sort((a, b) => a.index - b.index),
			startedAt: this.#startedAt,
			endedAt: (this.#deps.wallClock ?? Date.now)()
		});
	}

	/** Records an item's result once (a second record for the same item is ignored). */
	#record(item: PlayerItem, status: ItemStatus, outcome: ItemOutcome, seconds: number): void {
		if (this.results.some((r) => r.index === item.index)) return;
		this.results = [
			...this.results,
			{
				index: item.index,
				exerciseId: item.def.id,
				name: item.def.name,
				dose: item.dose,
				status,
				outcome,
				seconds
			}
		];
	}

	#disposeRunner(): void {
		const r = this.runner;
		this.runner = null;
		r?.dispose();
	}

	#say(text: string): void {
		this.#announcer.say(text);
	}

	#resetClock(): void {
		this.#phaseSeconds = 0;
		this.#runningSince = this.paused ? null : this.#deps.now();
	}

	#stopClock(): void {
		this.#phaseSeconds = this.#elapsed();
		this.#runningSince = null;
	}

	#ensureTicking(): void {
		if (this.#handle === null) this.#handle = this.#deps.setInterval(() => this.tick(), TICK_MS);
	}

	#stopTicking(): void {
		if (this.#handle !== null) this.#deps.clearInterval(this.#handle);
		this.#handle = null;
	}
}
