/**
 * The person's neutral baseline for relative metrics (e.g. a shrug is the ear–shoulder gap
 * shrinking against the person's own resting gap, which differs a lot between people).
 *
 * Each metric is captured on its own once it has held still for `windowSeconds` (median of that
 * window) — a metric the current camera view cannot measure simply waits. From then on the
 * baseline is the plain mean of every resting frame in the last `refineSeconds` (the capture
 * window included), so it grows precise as the person rests between reps and still follows
 * posture drift that is slow against that window.
 *
 * Why a long mean: keypoint wander is slow (a webcam model's points drift ≈ 3–6 px with a
 * ≈ 0.5 s time constant), so 1 s of stillness holds only about two independent samples of it
 * and the captured median is off by ≈ 0.7 σ of the metric's wander: on generated heavy-noise
 * shrugs ≈ 0.03 torso lengths, half the gap between a full and a 60 % shrug, kept for the whole
 * set. A mean over 20 s of rest frames averages ≈ 20 such samples (≈ 0.2 σ). The exponential
 * refinement it replaces (weight 0.02 a frame) forgot old frames within ≈ 1.5 s, so it never
 * averaged more than that. Resting frames far from the baseline (more than the metric's
 * STILL_RANGE) are left out: a wild frame or a half-finished move is not the rest position.
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
	/**
	 * Seconds of resting frames the baseline averages (equal weights). Long against keypoint
	 * wander (≈ 0.5 s), short against a person's posture drift over a set (minutes).
	 */
	refineSeconds: number;
}

export const DEFAULT_BASELINE: BaselineOptions = {
	windowSeconds: 1,
	stillFraction: 1,
	refineSeconds: 20
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

/**
 * Learning the rest position from the reps themselves. People start moving straight away and do
 * reps back to back, so a still second may never come. When the rep metric has swung by a
 * rep's worth within the last ENVELOPE_SECONDS, the rest position is the rest side of that
 * swing: the REST_QUANTILE of the window counted from the rest side (the high values for a
 * signal that falls during a rep). Not the extreme itself, which a wild frame would set.
 */
const ENVELOPE_SECONDS = 3;
/** At least this much of the window must be filled (s) before it is read. */
const ENVELOPE_MIN_SECONDS = 1.5;
const REST_QUANTILE = 0.85;

/** How the rep metric moves, so its baseline can be learned from the reps (see above). */
export interface EnvelopeHint {
	name: BaseMetricName;
	/** 'down': a rep makes the metric smaller (its rest is the high side). */
	direction: 'up' | 'down';
	/** The smallest swing (metric units) that is a rep. */
	swing: number;
	/** Frames within this of the rest position count as resting (the rep's `exit`). */
	restBand: number;
	/**
	 * Learn the rest position from the swing only, never from a still second: for moves held
	 * still at the top (RepSpec.restFromReps), where the first still second may be the top.
	 */
	swingOnly?: boolean;
}

/** Seconds of new resting samples after `relearn` before the old ones are dropped. */
const RELEARN_SECONDS = 0.5;

/** Resting samples of one metric in time order, with their running sum (a FIFO queue). */
interface RestWindow {
	t: number[];
	v: number[];
	/** Index of the oldest sample still in the window (older ones are dropped in batches). */
	head: number;
	sum: number;
	/** Session time (s) from which the window starts afresh (see relearn), or null. */
	restartAt: number | null;
}

export class Baseline {
	readonly #names: readonly BaseMetricName[];
	readonly #opts: BaselineOptions;
	#windows = new Map<BaseMetricName, Array<{ t: number; v: number }>>();
	#rest = new Map<BaseMetricName, RestWindow>();
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
	update(m: Metrics, t: number, resting: boolean, envelope?: EnvelopeHint): void {
		for (const n of this.#names) {
			const v = m[n];
			if (v === null) continue; // lost for a moment, or not measurable in this view
			const rest = this.#rest.get(n);
			if (rest) {
				if (resting) this.#refine(n, rest, v, t);
				continue;
			}
			const w = this.#windows.get(n) ?? [];
			w.push({ t, v });
			const keep = Math.max(this.#opts.windowSeconds, ENVELOPE_SECONDS);
			while (w.length > 0 && t - w[0]!.t > keep) w.shift();
			this.#windows.set(n, w);
			const limit = STILL_RANGE[METRIC_UNIT[n]] * this.#opts.stillFraction;
			// The rep metric must be still against the reps themselves: half a rep's swing. A
			// window over part of a shrug can look still by the unit's own measure.
			const hinted = envelope?.name === n;
			const stillLimit = hinted ? Math.min(limit, envelope.swing / 2) : limit;
			let captured: number | null = null;
			// The capture window's frames seed the rest samples only within the stillness limit
			// of the captured value: the unit's STILL_RANGE alone (0.4 for a ratio) let the first
			// frames of a model still settling on a BlazePose back view (a shoulder-to-arm ratio
			// rising 0.79 → 1.16 over 0.4 s) pull a still 1.16 down to 1.11, most of a squeeze.
			let band = stillLimit;
			const recent = w.filter((f) => t - f.t <= this.#opts.windowSeconds);
			if (!(hinted && envelope.swingOnly) && t - recent[0]!.t >= this.#opts.windowSeconds * 0.9) {
				captured = stillMedian(recent, stillLimit);
			}
			if (captured === null && hinted && t - w[0]!.t >= ENVELOPE_MIN_SECONDS) {
				captured = restSide(w, envelope);
				band = envelope.restBand;
			}
			if (captured === null) continue;
			const still = captured;
			this.#values[n] = still;
			this.#windows.delete(n);
			// The capture window's frames are the first resting samples (the wild ones left out).
			const seed: RestWindow = { t: [], v: [], head: 0, sum: 0, restartAt: null };
			for (const f of w) {
				if (Math.abs(f.v - still) > band) continue;
				seed.t.push(f.t);
				seed.v.push(f.v);
				seed.sum += f.v;
			}
			this.#rest.set(n, seed);
		}
	}

	/** Adds one resting sample, drops those older than refineSeconds, updates the mean. O(1). */
	#refine(n: BaseMetricName, w: RestWindow, v: number, t: number): void {
		const b = this.#values[n]!;
		if (Math.abs(v - b) > STILL_RANGE[METRIC_UNIT[n]] * this.#opts.stillFraction) return;
		w.t.push(t);
		w.v.push(v);
		w.sum += v;
		if (w.restartAt !== null && t - w.restartAt >= RELEARN_SECONDS) {
			// Enough new rest samples: the ones from before the restart go.
			while (w.head < w.t.length && w.t[w.head]! < w.restartAt) {
				w.sum -= w.v[w.head]!;
				w.head++;
			}
			w.restartAt = null;
		}
		while (w.head < w.t.length && t - w.t[w.head]! > this.#opts.refineSeconds) {
			w.sum -= w.v[w.head]!;
			w.head++;
		}
		if (w.head > 256 && w.head * 2 > w.t.length) {
			// Compact now and then (amortised O(1)); re-add the sum to shed rounding error.
			w.t = w.t.slice(w.head);
			w.v = w.v.slice(w.head);
			w.head = 0;
			w.sum = w.v.reduce((a, x) => a + x, 0);
		}
		const count = w.t.length - w.head;
		if (count > 0) this.#values[n] = w.sum / count;
	}

	/**
	 * The person rests somewhere else now (the caller saw it): from `t`, `name`'s baseline
	 * averages only new resting samples, once RELEARN_SECONDS of them have come in (until then
	 * the old ones still steady it); or, given `samples` of the new rest position, from those.
	 */
	relearn(
		name: BaseMetricName,
		t: number,
		samples?: ReadonlyArray<{ t: number; v: number }>
	): void {
		const w = this.#rest.get(name);
		if (!w) return;
		if (!samples || samples.length === 0) {
			w.restartAt = t;
			return;
		}
		// The caller kept the frames that showed the new rest position: start from them at once.
		// Waiting for new ones instead lets a rep that starts right away (people rest about
		// 1.5 s between reps) feed its own first frames in as the rest position.
		w.t = samples.map((f) => f.t);
		w.v = samples.map((f) => f.v);
		w.head = 0;
		w.sum = w.v.reduce((a, x) => a + x, 0);
		w.restartAt = null;
		this.#values[name] = w.sum / w.v.length;
	}

	/** Forgets `name`'s rest position: it is captured afresh, as at the start. */
	forget(name: BaseMetricName): void {
		this.#windows.delete(name);
		this.#rest.delete(name);
		delete this.#values[name];
	}

	reset(): void {
		this.#windows.clear();
		this.#rest.clear();
		this.#values = {};
	}
}

/** The rest side of a window that swung by at least a rep's worth, else null (see above). */
function restSide(w: ReadonlyArray<{ v: number }>, hint: EnvelopeHint): number | null {
	const v = w.map((f) => f.v).sort((a, b) => a - b);
	// The swing between the 10 % and 90 % quantiles: a single wild frame is not a rep.
	if (quantileSorted(v, 0.9) - quantileSorted(v, 0.1) < hint.swing) return null;
	return quantileSorted(v, hint.direction === 'down' ? REST_QUANTILE : 1 - REST_QUANTILE);
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
