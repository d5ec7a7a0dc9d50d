/**
 * The person's neutral baseline for relative metrics (e.g. a shrug is the ear–shoulder gap
 * shrinking against the person's own resting gap, which differs a lot between people).
 *
 * Each metric is captured on its own once it has held still for `windowSeconds` (median of that
 * window) — a metric the current camera view cannot measure simply waits — then refined slowly
 * while the person rests, so posture drift over a long set does not count as movement.
 */
import { median } from '../geometry/vec';
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
	windowSeconds: 0.8,
	stillFraction: 1,
	refineWeight: 0.02
};

/**
 * Range (max − min over the window) that still counts as "holding still", per unit: above
 * keypoint jitter after smoothing, below the amplitude of any rep we count.
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
			const vals = w.map((f) => f.v);
			const still =
				Math.max(...vals) - Math.min(...vals) <=
				STILL_RANGE[METRIC_UNIT[n]] * this.#opts.stillFraction;
			if (!still) continue;
			this.#values[n] = median(vals);
			this.#windows.delete(n);
		}
	}

	reset(): void {
		this.#windows.clear();
		this.#values = {};
	}
}
