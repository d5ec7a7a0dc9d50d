/**
 * One Euro smoothing of every keypoint coordinate (Casiez, Roussel & Vogel, "1€ Filter: A Simple
 * Speed-based Low-pass Filter for Noisy Input in Interactive Systems", CHI 2012), using the
 * reference implementation published by its authors (npm `1eurofilter`).
 *
 * Coordinates are filtered in units of the frame height (0..1) so that `beta` does not depend
 * on the camera resolution. Scores are not filtered: a drop in confidence must show at once.
 */
import { OneEuroFilter } from '1eurofilter';
import { MIN_KEYPOINT_SCORE, type Body, type Keypoint } from '../pose/keypoints';

export interface SmootherOptions {
	/** Minimum cutoff frequency in Hz: lower removes more jitter when still. */
	minCutoffHz: number;
	/** Speed coefficient (per frame-height/second): higher follows fast moves with less lag. */
	beta: number;
	/** Cutoff for the speed estimate, Hz (the paper's default is 1 Hz). */
	derivateCutoffHz: number;
	/** Seconds without a keypoint after which its filter restarts instead of gliding. */
	resetAfterSeconds: number;
	/**
	 * A keypoint that jumps farther than this from its track in one step (frame heights per
	 * 1/30 s) is held at the track instead, for up to MAX_OUTLIER_STEPS steps in a row. A fast
	 * arm moves ≈ 0.05 frame heights per 1/30 s; a jump of 0.15 is a model glitch (a wrist
	 * snapping to the other wrist, a hip to the chair).
	 */
	maxJumpPerFrame: number;
	/**
	 * A keypoint missing (or below MIN_KEYPOINT_SCORE) for at most this long (s) since its last
	 * good observation is filled in at its track, with that observation's score: a model that
	 * loses a wrist or the near shoulder for a frame or two must not make a metric jump to a
	 * fallback (the midpoint, the far side) and back. On generated side-view squeezes with 3 %
	 * dropped keypoints those jumps were ≈ 0.24 torso lengths, twice the squeeze itself. Longer
	 * gaps are real (the point left the frame or is hidden) and stay missing.
	 */
	fillGapSeconds: number;
}

/** After this many rejected steps in a row the jump is real: the track restarts there. */
const MAX_OUTLIER_STEPS = 2;

/**
 * Chosen on generated wall-angel and shrug traces with 2–4 px jitter at 30 fps: 1.5 Hz keeps a
 * still keypoint within ~1 px while a 1 s arm sweep lags by under one frame.
 */
export const DEFAULT_SMOOTHER: SmootherOptions = {
	minCutoffHz: 1.5,
	beta: 8,
	derivateCutoffHz: 1,
	resetAfterSeconds: 0.5,
	maxJumpPerFrame: 0.15,
	// ≈ 6 frames at 30 fps; 1–2 at the posture monitor's slow sampling, whose tracks restart anyway.
	fillGapSeconds: 0.2
};

/** Nominal frame rate (Hz) for the filter's first step; real timestamps take over after that. */
const NOMINAL_FPS = 30;

interface Track {
	x: OneEuroFilter;
	y: OneEuroFilter;
	lastT: number;
	/** Last filtered position, in frame heights. */
	px: number;
	py: number;
	/** Consecutive rejected jumps. */
	rejected: number;
	/** Score of the last good observation. */
	score: number;
}

export class KeypointSmoother {
	readonly #opts: SmootherOptions;
	#tracks: Array<Track | null> = [];

	constructor(options: Partial<SmootherOptions> = {}) {
		this.#opts = { ...DEFAULT_SMOOTHER, ...options };
	}

	/** Smooths one body observed at `t` seconds. Returns a new body; the input is not mutated. */
	apply(body: Body, t: number): Body {
		const scale = body.height > 0 && Number.isFinite(body.height) ? body.height : 1;
		// Farther than this from the frame (in frame sizes) is no measurement, only overflow risk.
		const far = 4 * Math.max(scale, body.width > 0 && Number.isFinite(body.width) ? body.width : 1);
		const keypoints = body.keypoints.map((k, i): Keypoint | null => {
			const usable =
				k !== null &&
				Number.isFinite(k.x) &&
				Number.isFinite(k.y) &&
				Number.isFinite(k.score) &&
				Math.abs(k.x) <= far &&
				Math.abs(k.y) <= far;
			if (!usable || !(k.score >= MIN_KEYPOINT_SCORE)) {
				// A short gap is filled at the track (see fillGapSeconds).
				const held = this.#tracks[i];
				const gap = held ? t - held.lastT : Infinity;
				if (held && gap > 0 && gap <= this.#opts.fillGapSeconds)
					return { x: held.px * scale, y: held.py * scale, score: held.score };
				// A keypoint the model is unsure of (often a guess far off, or a trace's [0, 0, 0] row)
				// passes through unfiltered and does not move the track: metrics ignore it anyway, and
				// gliding the track through it would drag the next real frames.
				return usable ? { ...k } : null;
			}
			let track = this.#tracks[i];
			if (!track || t - track.lastT > this.#opts.resetAfterSeconds || t <= track.lastT) {
				track = this.#newTrack();
				this.#tracks[i] = track;
			}
			const nx = k.x / scale;
			const ny = k.y / scale;
			if (Number.isFinite(track.lastT)) {
				const steps = Math.max(1, (t - track.lastT) * NOMINAL_FPS);
				const jump = Math.hypot(nx - track.px, ny - track.py) / steps;
				if (jump > this.#opts.maxJumpPerFrame && track.rejected < MAX_OUTLIER_STEPS) {
					track.rejected++;
					return { x: track.px * scale, y: track.py * scale, score: k.score };
				}
				if (track.rejected >= MAX_OUTLIER_STEPS && jump > this.#opts.maxJumpPerFrame) {
					// It stayed there: a real move (or a re-detection). Restart the track at it.
					track = this.#newTrack();
					this.#tracks[i] = track;
				}
			}
			track.rejected = 0;
			track.lastT = t;
			track.score = k.score;
			track.px = track.x.filter(nx, t);
			track.py = track.y.filter(ny, t);
			return { x: track.px * scale, y: track.py * scale, score: k.score };
		});
		return { keypoints, width: body.width, height: body.height };
	}

	reset(): void {
		this.#tracks = [];
	}

	#newTrack(): Track {
		const { minCutoffHz, beta, derivateCutoffHz } = this.#opts;
		return {
			x: new OneEuroFilter(NOMINAL_FPS, minCutoffHz, beta, derivateCutoffHz),
			y: new OneEuroFilter(NOMINAL_FPS, minCutoffHz, beta, derivateCutoffHz),
			lastT: -Infinity,
			px: 0,
			py: 0,
			rejected: 0,
			score: 0
		};
	}
}
