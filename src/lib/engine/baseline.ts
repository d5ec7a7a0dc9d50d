/**
 * The person's neutral baseline for relative metrics (e.g. a shrug is the ear–shoulder gap
 * shrinking against the person's own resting gap, which differs a lot between people).
 *
 * Each metric is captured on its own once it has held still for `windowSeconds` (median of that
 * window) — a metric the current camera view cannot measure simply waits — then refined slowly
 * while the person rests, so posture drift over a long set does not count as movement.
 *
 * "Still" is judged robustly: the window's interquartile range (the middle half of the values)
 * and the gap between the medians of its first and second halves (a trend: someone moving
 * into or out of a position) must both be small. The plain max − min range it replaces grew
 * with every wild frame and with keypoint wander: on generated shrugs with heavy noise
 * (6 px drift at ~150 px body scale) a person standing still for 2 s was often not captured
 * until several reps later, and those reps were lost.
 */
import {
	METRIC_UNIT,
	type BaseMetricName,
	type MetricUnit,
	type Metrics
} from '../metrics/body-metrics';

export interface BaselineOptions {
	/** Seconds of stillness to capture a metric's baseline. */
	windowSeconds: number;
	/** Multiplier on STILL_RANGE (how still "still" is). */
	stillFraction: number;
	/** Weight of a resting frame in the slow refinement (exponential moving average). */
	refineWeight: number;
}

export const DEFAULT_BASELINE: BaselineOptions = {
	windowSeconds: 1,
	stillFraction: 1,
	refineWeight: 0.02
};

/**
 * Spread that still counts as "holding still", per unit: above keypoint jitter after smoothing,
 * below the amplitude of any rep we count. The window's interquartile range must be within it,
 * and its two halves' medians within half of it.
 */
const STILL_RANGE: Readonly<Record<MetricUnit, number>> = {
	deg: 8,
	scale: 0.08,
	armLength: 0.12,
	earWidth: 0.3,
	ratio: 0.4,
	px: Infinity
};

export class Baseline {
	readonly #names: readonly BaseMetricName[];
	readonly #opts: BaselineOptions;
	#windows = new Map<BaseMetricName, Array<{ t: number; v: number }>>();
	#values: Partial<Record<BaseMetricName, number>> = {};

	constructor(names: readonly BaseMetricName[], options: Partial<BaselineOptions> = {}) {
		this.#names = names;
		this.#opts = { ...DEFAULT_BASELINE, ...options };
	}

	/** True once `name` has a baseline. */
	has(name: BaseMetricName): boolean {
		return this.#values[name] !== undefined;
	}

	get values(): Readonly<Partial<Record<BaseMetricName, number>>> {
		return this.#values;
	}

	/** Feeds one judged frame. `resting`: the person is at rest (refinement allowed). */
	update(m: Metrics, t: number, resting: boolean): void {
		for (const n of this.#names) {
			const v = m[n];
			if (v === null) continue; // lost for a moment, or not measurable in this view
			const b = this.#values[n];
			if (b !== undefined) {
				if (resting) this.#values[n] = b + this.#opts.refineWeight * (v - b);
				continue;
			}
			const w = this.#windows.get(n) ?? [];
			w.push({ t, v });
			while (w.length > 0 && t - w[0]!.t > this.#opts.windowSeconds) w.shift();
			this.#windows.set(n, w);
			if (t - w[0]!.t < this.#opts.windowSeconds * 0.9) continue;
			const limit = STILL_RANGE[METRIC_UNIT[n]] * this.#opts.stillFraction;
			const still = stillMedian(w, limit);
			if (still === null) continue;
			this.#values[n] = still;
			this.#windows.delete(n);
		}
	}

	reset(): void {
		this.#windows.clear();
		this.#values = {};
	}
}

const quantileSorted = (v: readonly number[], q: number): number => {
	const i = q * (v.length - 1);
	const lo = Math.floor(i);
	return v[lo]! + (v[Math.min(lo + 1, v.length - 1)]! - v[lo]!) * (i - lo);
};

/**
 * The window's median when it is still (interquartile range ≤ `limit`, first- and second-half
 * medians within `limit / 2`), else null. Exported for tests.
 */
export function stillMedian(w: ReadonlyArray<{ v: number }>, limit: number): number | null {
	const all = w.map((f) => f.v);
	const half = all.length >> 1;
	const a = all.slice(0, half).sort((x, y) => x - y);
	const b = all.slice(half).sort((x, y) => x - y);
	if (a.length === 0 || b.length === 0) return null;
	if (Math.abs(quantileSorted(a, 0.5) - quantileSorted(b, 0.5)) > limit / 2) return null;
	all.sort((x, y) => x - y);
	if (quantileSorted(all, 0.75) - quantileSorted(all, 0.25) > limit) return null;
	return quantileSorted(all, 0.5);
}
