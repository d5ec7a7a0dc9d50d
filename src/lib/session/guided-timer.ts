/**
 * A guided timer for moves the camera cannot judge honestly (`cameraChecked: false`): rounds of
 * work with short rests between, announced as they change. Pure: the clock is passed in, so it
 * runs in Node tests.
 */
import type { ExerciseDefinition, Side } from '$lib/engine/types';
import { ANNOUNCEMENTS_EN, type Announcements } from '$lib/text/announcements.en';

/** Seconds between rounds: enough to come out of a stretch and set up the next side. */
export const REST_SECONDS = 5;
/** When a definition gives no duration at all, a gentle default (the sources' common 30 s). */
export const DEFAULT_SECONDS = 30;

export interface TimerRound {
	/** e.g. "Left side", "Round 2 of 3". */
	label: string;
	seconds: number;
	/** The side worked, for per-side moves (History keeps it with the round). */
	side?: Side;
}

export function timerPlan(def: ExerciseDefinition): TimerRound[] {
	const seconds = def.dose.holdSeconds ?? def.hold?.seconds ?? DEFAULT_SECONDS;
	const perSide = def.dose.perSide === true || def.kind === 'side-hold';
	const times = Math.max(1, def.hold?.count ?? 1) * Math.max(1, def.dose.sets);
	const rounds: TimerRound[] = [];
	for (let i = 0; i < times; i++) {
		const n = times > 1 ? ` (${i + 1} of ${times})` : '';
		if (perSide) {
			rounds.push({ label: `Left side${n}`, seconds, side: 'left' });
			rounds.push({ label: `Right side${n}`, seconds, side: 'right' });
		} else {
			rounds.push({ label: times > 1 ? `Round ${i + 1} of ${times}` : 'Hold', seconds });
		}
	}
	return rounds;
}

export type TimerPhase = 'ready' | 'work' | 'rest' | 'done';

export interface TimerSnapshot {
	phase: TimerPhase;
	paused: boolean;
	/** Index of the current (or next, while resting) round. */
	round: number;
	rounds: number;
	label: string;
	/** Seconds left in the current work or rest period. */
	remaining: number;
	/** Share of the current period done, 0..1. */
	progress: number;
	/** Rounds finished. */
	completed: number;
}

export class GuidedTimer {
	readonly plan: readonly TimerRound[];
	#phase: TimerPhase = 'ready';
	#round = 0;
	/** Seconds elapsed in the current period, accumulated while not paused. */
	#elapsed = 0;
	#last: number | null = null;
	#paused = false;

	readonly #words: Announcements;

	/** `words`: what it says (default English: text/announcements.en.ts). */
	constructor(plan: readonly TimerRound[], words: Announcements = ANNOUNCEMENTS_EN) {
		if (plan.length === 0) throw new Error('A guided timer needs at least one round.');
		this.plan = plan;
		this.#words = words;
	}

	start(nowMs: number): void {
		if (this.#phase === 'done') this.reset();
		if (this.#phase === 'ready') this.#phase = 'work';
		this.#paused = false;
		this.#last = nowMs;
	}

	pause(nowMs: number): void {
		this.tick(nowMs);
		this.#paused = true;
		this.#last = null;
	}

	reset(): void {
		this.#phase = 'ready';
		this.#round = 0;
		this.#elapsed = 0;
		this.#last = null;
		this.#paused = false;
	}

	/** Advances the clock; returns the announcements this step raised (phase changes). */
	tick(nowMs: number): string[] {
		const said: string[] = [];
		if (this.#last === null || this.#paused || this.#phase === 'ready' || this.#phase === 'done')
			return said;
		let dt = Math.max(0, (nowMs - this.#last) / 1000);
		this.#last = nowMs;
		while (dt > 0 && (this.#phase === 'work' || this.#phase === 'rest')) {
			const length = this.#periodLength();
			const step = Math.min(dt, length - this.#elapsed);
			this.#elapsed += step;
			dt -= step;
			if (this.#elapsed < length) break;
			this.#elapsed = 0;
			if (this.#phase === 'work') {
				if (this.#round + 1 >= this.plan.length) {
					this.#phase = 'done';
					said.push(this.#words.timerDone);
				} else {
					this.#phase = 'rest';
					this.#round++;
					said.push(this.#words.timerRest(this.plan[this.#round]!.label));
				}
			} else {
				this.#phase = 'work';
				said.push(this.#words.timerGo(this.plan[this.#round]!.label));
			}
		}
		return said;
	}

	snapshot(): TimerSnapshot {
		const length = this.#periodLength();
		const round = this.plan[Math.min(this.#round, this.plan.length - 1)]!;
		const done = this.#phase === 'done';
		return {
			phase: this.#phase,
			paused: this.#paused,
			round: this.#round,
			rounds: this.plan.length,
			label: round.label,
			remaining: done ? 0 : Math.max(0, length - this.#elapsed),
			progress: done ? 1 : length > 0 ? this.#elapsed / length : 0,
			completed: done ? this.plan.length : this.#round
		};
	}

	#periodLength(): number {
		return this.#phase === 'rest' ? REST_SECONDS : this.plan[this.#round]!.seconds;
	}
}
