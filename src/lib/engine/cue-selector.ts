/**
 * One cue at a time: a new cue is given only after `cooldownSeconds` since the last one, and the
 * same cue is not repeated within `repeatSeconds` — a coach who says the same thing every second
 * is ignored. A cue stays on screen for `displaySeconds`.
 */
import type { Cue } from './types';

export interface CueOptions {
	cooldownSeconds: number;
	repeatSeconds: number;
	displaySeconds: number;
}

export const DEFAULT_CUE_OPTIONS: CueOptions = {
	cooldownSeconds: 3,
	repeatSeconds: 8,
	displaySeconds: 4
};

export class CueSelector {
	readonly #opts: CueOptions;
	#current: Cue | null = null;
	#lastGiven = new Map<string, number>();
	#lastT = -Infinity;

	constructor(options: Partial<CueOptions> = {}) {
		this.#opts = { ...DEFAULT_CUE_OPTIONS, ...options };
	}

	/**
	 * Offers candidate cues, best first. Returns the cue newly given this frame, if any.
	 * `urgent` cues (tempo, hold reminders) skip the cooldown but not the repeat guard.
	 */
	offer(
		candidates: ReadonlyArray<{ id: string; text: string }>,
		t: number,
		urgent = false
	): Cue | null {
		if (this.#current && t - this.#current.t > this.#opts.displaySeconds) this.#current = null;
		if (!urgent && t - this.#lastT < this.#opts.cooldownSeconds) return null;
		for (const c of candidates) {
			const last = this.#lastGiven.get(c.id);
			if (last !== undefined && t - last < this.#opts.repeatSeconds) continue;
			const cue: Cue = { id: c.id, text: c.text, t };
			this.#current = cue;
			this.#lastT = t;
			this.#lastGiven.set(c.id, t);
			return cue;
		}
		return null;
	}

	current(t: number): Cue | null {
		if (this.#current && t - this.#current.t > this.#opts.displaySeconds) this.#current = null;
		return this.#current;
	}

	reset(): void {
		this.#current = null;
		this.#lastGiven.clear();
		this.#lastT = -Infinity;
	}
}
