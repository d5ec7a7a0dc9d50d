/**
 * The person's neutral baseline for relative metrics (e.g. a shrug is the ear–shoulder gap
 * shrinking against the person's own resting gap, which differs a lot between people).
 *
 * Captured once the person has held still for `windowSeconds` (median of that window), then
 * refined slowly while they rest, so posture drift over a long set does not count as movement.
 */
import { median } from '../geometry/vec';
import {
	METRIC_UNIT,
	type BaseMetricName,
	type MetricUnit,
	type Metrics
} from '../metrics/body-metrics';

export interface BaselineOptions {
	/** Seconds of stillness to capture the first baseline. */
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
 * keypoint jitter after smoothing, well below the amplitude of any rep we count.
 */
const STILL_RANGE: Readonly<Record<MetricUnit, number>> = {
	deg: 6,
	scale: 0.06,
	armLength: 0.1,
	earWidth: 0.15,
	ratio: 0.15,
	px: Infinity
};

export class Baseline {
	readonly #names: readonly BaseMetricName[];
	readonly #opts: BaselineOptions;
	#window: Array<{ t: number; m: Metrics }> = [];
	#values: Partial<Record<BaseMetricName, number>> | null = null;

	constructor(names: readonly BaseMetricName[], options: Partial<BaselineOptions> = {}) {
		this.#names = names;
		this.#opts = { ...DEFAULT_BASELINE, ...options };
	}

	get ready(): boolean {
		return this.#names.length === 0 || this.#values !== null;
	}

	get values(): Readonly<Partial<Record<BaseMetricName, number>>> | null {
		return this.#values;
	}

	/** Feeds one judged frame. `resting`: the person is at rest (refinement allowed). */
	update(m: Metrics, t: number, resting: boolean): void {
		if (this.#names.length === 0) return;
		if (this.#values) {
			if (!resting) return;
			const w = this.#opts.refineWeight;
			for (const n of this.#names) {
				const v = m[n];
				const b = this.#values[n];
				if (v !== null && b !== undefined) this.#values[n] = b + w * (v - b);
			}
			return;
		}
		if (this.#names.some((n) => m[n] === null)) {
			this.#window = [];
			return;
		}
		this.#window.push({ t, m });
		while (this.#window.length > 0 && t - this.#window[0]!.t > this.#opts.windowSeconds)
			this.#window.shift();
		if (t - this.#window[0]!.t < this.#opts.windowSeconds * 0.9) return;
		const still = this.#names.every((n) => {
			const vals = this.#window.map((f) => f.m[n] as number);
			return (
				Math.max(...vals) - Math.min(...vals) <=
				STILL_RANGE[METRIC_UNIT[n]] * this.#opts.stillFraction
			);
		});
		if (!still) return;
		const values: Partial<Record<BaseMetricName, number>> = {};
		for (const n of this.#names) values[n] = median(this.#window.map((f) => f.m[n] as number));
		this.#values = values;
		this.#window = [];
	}

	reset(): void {
		this.#window = [];
		this.#values = null;
	}
}
