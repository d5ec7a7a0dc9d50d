/**
 * Persistence for the detected camera view: a single ambiguous frame (an arm crossing the
 * shoulders, a turn of the head) must not flip the view and pause counting.
 */
import type { DetectedView } from '../metrics/view';

/** Seconds a new reading must persist before the view changes. */
export const VIEW_SWITCH_SECONDS = 0.6;

export class ViewTracker {
	#view: DetectedView = 'unknown';
	#candidate: DetectedView = 'unknown';
	#candidateSince = 0;

	update(reading: DetectedView, t: number): DetectedView {
		if (reading === this.#view) {
			this.#candidate = reading;
			return this.#view;
		}
		if (reading !== this.#candidate) {
			this.#candidate = reading;
			this.#candidateSince = t;
		}
		// The first confident reading is taken at once; later changes must persist.
		if (this.#view === 'unknown' || t - this.#candidateSince >= VIEW_SWITCH_SECONDS) {
			this.#view = reading;
		}
		return this.#view;
	}

	reset(): void {
		this.#view = 'unknown';
		this.#candidate = 'unknown';
	}
}

/**
 * Persistence for the facing direction in a side view. It is read from the nose and eyes against
 * the ears, only ≈ 10 cm apart: under heavy keypoint wander (≈ 6 px) a single frame can read the
 * person as facing the other way, which flips the sign of every side-view metric (a squeeze of
 * −0.1 torso lengths read as +0.1 against its baseline). People do not turn round in a frame.
 */
export class FacingTracker {
	#facing: 1 | -1 | null = null;
	#candidate: 1 | -1 | null = null;
	#candidateSince = 0;

	update(reading: 1 | -1, t: number): 1 | -1 {
		if (this.#facing === null || reading === this.#facing) {
			this.#facing = reading;
			this.#candidate = reading;
			return reading;
		}
		if (reading !== this.#candidate) {
			this.#candidate = reading;
			this.#candidateSince = t;
		}
		if (t - this.#candidateSince >= VIEW_SWITCH_SECONDS) this.#facing = reading;
		return this.#facing;
	}

	reset(): void {
		this.#facing = null;
		this.#candidate = null;
	}
}
