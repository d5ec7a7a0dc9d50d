/**
 * Was a rep-with-hold held still? A held squeeze draws the shoulder blades together and keeps
 * them there: its rep signal drops and then sits near its deepest for the hold. Another move
 * that passes through the same position without staying there (a shoulder roll narrows the
 * shoulder line once every circle, ≈ 2.4 s) crosses the same thresholds and may stay "active"
 * for as long, but its signal keeps swinging. What tells them apart is how long the signal stays
 * near its deepest in one stretch.
 *
 * Pure: the coach feeds it the low-passed rep signal of each active frame (see coach.ts).
 */
import { creditedStep } from './time-step';

export class SteadyHold {
	/** Session times (s) and rep-signal values (metric units) of the current active phase. */
	readonly #t: number[] = [];
	readonly #v: number[] = [];

	/** A rep started: forget the last one. */
	start(): void {
		this.#t.length = 0;
		this.#v.length = 0;
	}

	/** One active frame's rep signal. */
	add(t: number, v: number): void {
		this.#t.push(t);
		this.#v.push(v);
	}

	/**
	 * The longest time (s) the signal stayed within `band` (metric units) of `peak`, the rep's
	 * most extreme value, in one unbroken stretch of the active phase.
	 */
	longestNear(peak: number, band: number): number {
		let best = 0;
		let run = 0;
		for (let i = 0; i < this.#v.length; i++) {
			if (Math.abs(this.#v[i]! - peak) > band) {
				run = 0;
				continue;
			}
			if (i > 0 && Math.abs(this.#v[i - 1]! - peak) <= band) {
				run += creditedStep(this.#t[i - 1]!, this.#t[i]!);
			}
			best = Math.max(best, run);
		}
		return best;
	}
}
