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
