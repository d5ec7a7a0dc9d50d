/**
 * Seeded noise that makes clean stick-figure keypoints look like a pose model's output:
 * pixel jitter (independent per frame, plus a slow drift), score jitter, dropped keypoints,
 * missed frames and occasional wild outliers. Same seed, same options → same output.
 */
import type { Body, Keypoint } from '../pose/keypoints';

/**
 * mulberry32: a tiny 32-bit PRNG (Tommy Ettinger's public-domain generator), good enough for
 * test noise and far faster than a crypto source. Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seeded random source with the distributions the simulator needs. */
export class Rng {
	readonly #next: () => number;
	#spare: number | null = null;

	constructor(seed: number) {
		if (!Number.isFinite(seed)) throw new Error(`Rng: seed must be finite, got ${seed}`);
		this.#next = mulberry32(Math.floor(seed));
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.#next();
	}

	/** Uniform in [lo, hi). */
	range(lo: number, hi: number): number {
		return lo + (hi - lo) * this.#next();
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return p > 0 && this.#next() < p;
	}

	/** Normal(mean, sd) by the Box–Muller transform (the second value is kept for the next call). */
	gaussian(mean = 0, sd = 1): number {
		if (this.#spare !== null) {
			const z = this.#spare;
			this.#spare = null;
			return mean + sd * z;
		}
		const u = 1 - this.#next(); // (0, 1]: log is finite
		const v = this.#next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.#spare = r * Math.sin(2 * Math.PI * v);
		return mean + sd * r * Math.cos(2 * Math.PI * v);
	}

	/** A new generator whose stream depends only on this one's seed and `salt`. */
	static derive(seed: number, salt: number): Rng {
		// Mix with a large odd constant so nearby seeds and salts give unrelated streams.
		return new Rng((Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0);
	}
}

export interface NoiseOptions {
	/** Sigma of independent Gaussian pixel jitter per keypoint per frame, px. */
	jitterPx: number;
	/** Sigma of a slowly wandering offset per keypoint (first-order autoregressive), px. */
	driftPx: number;
	/** Time constant of that drift, seconds. */
	driftSeconds: number;
	/** Sigma of Gaussian noise added to each score (result clamped to 0..1). */
	scoreJitter: number;
	/** Probability per keypoint per frame that the model gives no keypoint (null). */
	dropProbability: number;
	/** Probability per frame that no person is found at all (body null). */
	missedFrameProbability: number;
	/** Probability per keypoint per frame of an outlier: a jump of ~`outlierPx` in a random direction. */
	outlierProbability: number;
	/** Typical outlier displacement, px. */
	outlierPx: number;
}

/** No noise at all: output equals the clean projection exactly. */
export const NO_NOISE: Readonly<NoiseOptions> = Object.freeze({
	jitterPx: 0,
	driftPx: 0,
	driftSeconds: 1,
	scoreJitter: 0,
	dropProbability: 0,
	missedFrameProbability: 0,
	outlierProbability: 0,
	outlierPx: 0
});

/**
 * Noise levels by name. "realistic" is roughly MoveNet Lightning on a 640×480 webcam with the
 * person filling most of the frame: ~2 px frame-to-frame jitter, a few px of slow wander, a
 * rare missed frame or lost wrist, and an occasional wild point.
 */
export const NOISE_PRESETS: Readonly<
	Record<'none' | 'light' | 'realistic' | 'heavy', NoiseOptions>
> = Object.freeze({
	none: NO_NOISE,
	light: { ...NO_NOISE, jitterPx: 1, driftPx: 1, scoreJitter: 0.02 },
	realistic: {
		jitterPx: 2,
		driftPx: 3,
		driftSeconds: 0.7,
		scoreJitter: 0.04,
		dropProbability: 0.005,
		missedFrameProbability: 0.005,
		outlierProbability: 0.002,
		outlierPx: 60
	},
	heavy: {
		jitterPx: 5,
		driftPx: 6,
		driftSeconds: 0.5,
		scoreJitter: 0.08,
		dropProbability: 0.03,
		missedFrameProbability: 0.03,
		outlierProbability: 0.01,
		outlierPx: 90
	}
});

/** Fills defaults (zero noise) and validates; a preset name is accepted too. */
export function noiseOptions(
	o: Partial<NoiseOptions> | keyof typeof NOISE_PRESETS = {}
): NoiseOptions {
	const full: NoiseOptions = { ...NO_NOISE, ...(typeof o === 'string' ? NOISE_PRESETS[o] : o) };
	for (const [k, v] of Object.entries(full)) {
		if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`noise: ${k} must be ≥ 0, got ${v}`);
	}
	for (const k of ['dropProbability', 'missedFrameProbability', 'outlierProbability'] as const) {
		if (full[k] > 1) throw new Error(`noise: ${k} is a probability, got ${full[k]}`);
	}
	if (!(full.driftSeconds > 0)) throw new Error('noise: driftSeconds must be > 0');
	return full;
}

/** Salts for the independent random streams: changing one noise level keeps the others' draws. */
const STREAM = { jitter: 1, drift: 2, score: 3, drop: 4, missed: 5, outlier: 6 } as const;

/**
 * Applies noise frame by frame. Stateful (the drift carries over), so like a filter it has
 * `apply` and `reset`. Each kind of noise draws from its own stream, so e.g. raising the jitter
 * does not change which frames are missed.
 */
export class KeypointNoise {
	readonly options: NoiseOptions;
	readonly #seed: number;
	#rng!: Record<keyof typeof STREAM, Rng>;
	#drift: { x: number; y: number }[] = [];

	constructor(options: Partial<NoiseOptions> | keyof typeof NOISE_PRESETS = {}, seed = 1) {
		this.options = noiseOptions(options);
		this.#seed = seed;
		this.reset();
	}

	reset(): void {
		const r = (salt: number) => Rng.derive(this.#seed, salt);
		this.#rng = {
			jitter: r(STREAM.jitter),
			drift: r(STREAM.drift),
			score: r(STREAM.score),
			drop: r(STREAM.drop),
			missed: r(STREAM.missed),
			outlier: r(STREAM.outlier)
		};
		this.#drift = [];
	}

	/**
	 * Noisy copy of `body` (never mutated); `dtSeconds` since the previous frame drives the
	 * drift. Null when the frame is missed or `body` is null.
	 */
	apply(body: Body | null, dtSeconds: number): Body | null {
		const o = this.options;
		const rng = this.#rng;
		// Draw the frame-level event first so it does not depend on the body's contents.
		const missed = rng.missed.chance(o.missedFrameProbability);
		if (body === null) return null;
		// AR(1) drift: x ← a·x + sqrt(1 − a²)·σ·N keeps the stationary sigma at driftPx.
		const a = Math.exp(-Math.max(0, dtSeconds) / o.driftSeconds);
		const b = Math.sqrt(1 - a * a);
		const keypoints = body.keypoints.map((k, i): Keypoint | null => {
			let d = this.#drift[i];
			if (d === undefined) {
				d = { x: rng.drift.gaussian(0, o.driftPx), y: rng.drift.gaussian(0, o.driftPx) };
				this.#drift[i] = d;
			} else if (o.driftPx > 0) {
				d.x = a * d.x + b * rng.drift.gaussian(0, o.driftPx);
				d.y = a * d.y + b * rng.drift.gaussian(0, o.driftPx);
			}
			const drop = rng.drop.chance(o.dropProbability);
			const outlier = rng.outlier.chance(o.outlierProbability);
			if (k === null || drop) return null;
			let x = k.x + d.x;
			let y = k.y + d.y;
			if (o.jitterPx > 0) {
				x += rng.jitter.gaussian(0, o.jitterPx);
				y += rng.jitter.gaussian(0, o.jitterPx);
			}
			let score = k.score;
			if (outlier) {
				const angle = rng.outlier.range(0, 2 * Math.PI);
				const r = o.outlierPx * rng.outlier.range(0.5, 1.5);
				x += r * Math.cos(angle);
				y += r * Math.sin(angle);
				// Models are often unsure of a wild point, but not always.
				score *= rng.outlier.range(0.4, 1);
			}
			if (o.scoreJitter > 0) {
				score = Math.min(1, Math.max(0, score + rng.score.gaussian(0, o.scoreJitter)));
			}
			return { x, y, score };
		});
		if (missed) return null;
		return { keypoints, width: body.width, height: body.height };
	}
}
