/**
 * Does a rep have the shape of its exercise? Follows a definition's `RepShape` conditions over
 * the frames of the rest before a rep and of the rep itself (see types.ts). A condition that
 * cannot be judged on any frame (the part is out of view) passes: the person is not blamed for
 * the camera's framing, and the rep signal still has to do its part.
 */
import { evaluate, type Facts } from './conditions';
import type { RepShape } from './types';

/** The start position must have held this long (s) … */
const START_SECONDS = 0.2;
/** … within this long (s) before the rep started. */
const START_WINDOW_SECONDS = 2;
/** The `during` condition must hold on at least this share of the rep's judged frames. */
const DURING_SHARE = 0.5;

export class ShapeTracker {
	readonly #shape: RepShape | undefined;
	/** Start condition: since when it has held (null: not now), and when it last held long enough. */
	#startSince: number | null = null;
	#startHeldAt = -Infinity;
	#startJudged = false;
	/** Frames of the current rep where `during` could be judged, and where it held. */
	#duringJudged = 0;
	#duringHeld = 0;
	/** Verdict on the start position, frozen when the rep starts. */
	#startOk = true;

	constructor(shape: RepShape | undefined) {
		this.#shape = shape;
	}

	get cue(): string | null {
		return this.#shape?.cue ?? null;
	}

	/** Feeds one judged frame; `active`: the rep is under way. */
	update(facts: Facts, active: boolean, t: number): void {
		const shape = this.#shape;
		if (!shape) return;
		if (!active && shape.start) {
			const r = evaluate(shape.start, facts);
			if (r !== null) this.#startJudged = true;
			if (r === true) {
				this.#startSince ??= t;
				if (t - this.#startSince >= START_SECONDS) this.#startHeldAt = t;
			} else {
				this.#startSince = null;
			}
		}
		if (active && shape.during) {
			const r = evaluate(shape.during, facts);
			if (r !== null) this.#duringJudged++;
			if (r === true) this.#duringHeld++;
		}
	}

	/** The rep starts at `t`: judge where it started from. */
	repStarted(t: number): void {
		this.#startOk =
			!this.#shape?.start || !this.#startJudged || t - this.#startHeldAt <= START_WINDOW_SECONDS;
		this.#startJudged = false; // judged afresh in the next rest
		this.#duringJudged = 0;
		this.#duringHeld = 0;
	}

	/** After a rep ends: did it have the exercise's shape? */
	repMatches(): boolean {
		const duringOk =
			!this.#shape?.during ||
			this.#duringJudged === 0 ||
			this.#duringHeld >= DURING_SHARE * this.#duringJudged;
		return this.#startOk && duringOk;
	}

	reset(): void {
		this.#startSince = null;
		this.#startHeldAt = -Infinity;
		this.#startJudged = false;
		this.#duringJudged = 0;
		this.#duringHeld = 0;
		this.#startOk = true;
	}
}
