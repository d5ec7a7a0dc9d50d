/**
 * The person's own range of motion for a rep exercise, learned from their reps.
 *
 * A definition's `enter` threshold is where an average adult's full rep clearly lands. People
 * differ: someone stiff whose full shrug is 70 % of the average never reaches it, and someone
 * supple passes it with a half rep. So a rep is judged against the person's own good reps once
 * they are known: it counts when it spans at least OWN_SHARE of their typical span.
 *
 * Until then a rep counts when it passes `enter`, as written. A rep that is shorter but still
 * passes the lower start threshold is a candidate: once CONSISTENT_REPS reps in a row agree on
 * the person's span (within CONSISTENT_RATIO of each other), that span becomes the person's own
 * range, and the waiting candidates that reach OWN_SHARE of it are credited then. One short
 * movement alone never counts.
 *
 * Spans are in the rep metric's unit (degrees, torso lengths, …), from where the rep started to
 * its peak. Pure: no DOM, no time source.
 */
import { median } from '../geometry/vec';

/**
 * A rep counts when it spans at least this share of the person's typical span. Real people's
 * reps vary by ±15 % within a set; a rep at 60 % of the joint's range can read as 67 % in a
 * height metric (the wrist rises with the cosine of the arm angle).
 */
export const OWN_SHARE = 0.75;
/**
 * The same for a rep that passed the definition's `enter`: it is a full rep by the book, so only
 * a clearly short one (under 60 % of the person's own) is called partial. A nod whose look-up
 * before it was 12° lower than usual spanned 75 % of the person's typical nod.
 */
export const OWN_SHARE_REACHED = 0.6;
/** Reps in a row that must agree before their span is taken as the person's own range. */
export const CONSISTENT_REPS = 3;
/** "Agree": the largest span is at most this many times the smallest. */
export const CONSISTENT_RATIO = 1.4;
/** The own range is the median span of the last this-many counted reps. */
const HISTORY = 5;
/**
 * The lowest start threshold, as a share of the way from `exit` to `enter`: a movement must get
 * this far to be a rep candidate at all. At 0.35, a shrug candidate closes the ear–shoulder gap by
 * 0.061 torso lengths: a generated person whose full shrug is 70 % of the simulator's peaks at
 * 0.065–0.09, and the smoothed keypoint jitter is ≈ 0.01. A wall angel reaches 129°, where 60 %
 * of an average slide (135°) gets and 40 % (120°, 124° with wander) does not.
 */
export const LOW_ENTER_SHARE = 0.35;

export type RangeVerdict =
	/** Counts now. */
	| { kind: 'count' }
	/** Short of the person's own range (or of `enter` while it is unknown and nothing agrees). */
	| { kind: 'short' }
	/** Short of `enter`, kept: it counts later if the person's reps turn out to be this size. */
	| { kind: 'pending' };

export interface PendingRep<T> {
	span: number;
	data: T;
}

export class OwnRange<T = unknown> {
	#spans: number[] = [];
	#own: number | null = null;
	#pending: PendingRep<T>[] = [];

	/** The person's typical span, or null until their reps agree. */
	get span(): number | null {
		return this.#own;
	}

	/**
	 * Judges one finished rep. `reached`: it passed the definition's `enter`. Returns the verdict
	 * and any earlier candidates that count now (the person's range just became known).
	 */
	judge(span: number, reached: boolean, data: T): { verdict: RangeVerdict; credited: T[] } {
		let verdict: RangeVerdict;
		if (this.#own !== null) {
			const share = reached ? OWN_SHARE_REACHED : OWN_SHARE;
			verdict = span >= share * this.#own ? { kind: 'count' } : { kind: 'short' };
		} else {
			verdict = reached ? { kind: 'count' } : { kind: 'pending' };
		}
		if (verdict.kind === 'short') return { verdict, credited: [] };
		this.#spans.push(span);
		if (this.#spans.length > HISTORY) this.#spans.shift();
		if (verdict.kind === 'pending') this.#pending.push({ span, data });
		const credited: T[] = [];
		const recent = this.#spans.slice(-CONSISTENT_REPS);
		const agree =
			recent.length === CONSISTENT_REPS &&
			Math.max(...recent) <= CONSISTENT_RATIO * Math.min(...recent);
		if (this.#own !== null || agree) {
			this.#own = median(this.#own === null ? recent : this.#spans);
			for (const p of this.#pending) {
				if (p.span >= OWN_SHARE * this.#own) credited.push(p.data);
			}
			this.#pending = [];
			// The rep being judged is among the credited candidates when it was pending.
			if (verdict.kind === 'pending' && credited.includes(data)) {
				credited.splice(credited.indexOf(data), 1);
				verdict = { kind: 'count' };
			} else if (verdict.kind === 'pending') {
				verdict = { kind: 'short' };
			}
		}
		return { verdict, credited };
	}

	/** A movement that had the wrong shape or was too small breaks a run of agreeing reps. */
	interrupt(): void {
		if (this.#own === null) this.#spans = [];
	}

	reset(): void {
		this.#spans = [];
		this.#own = null;
		this.#pending = [];
	}
}
