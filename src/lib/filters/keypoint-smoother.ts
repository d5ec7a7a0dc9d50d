/**
 * One Euro smoothing of every keypoint coordinate (Casiez, Roussel & Vogel, "1€ Filter: A Simple
 * Speed-based Low-pass Filter for Noisy Input in Interactive Systems", CHI 2012), using the
 * reference implementation published by its authors (npm `1eurofilter`).
 *
 * Coordinates are filtered in units of the frame height (0..1) so that `beta` does not depend
 * on the camera resolution. Scores are not filtered: a drop in confidence must show at once.
 */
import { OneEuroFilter } from '1eurofilter';
import { KP, MIN_KEYPOINT_SCORE, type Body, type Keypoint } from '../pose/keypoints';

/** Left/right keypoint pairs (canonical indices) a model can swap. */
const MIRROR_PAIRS: ReadonlyArray<readonly [number, number]> = (
	['eye', 'ear', 'shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const
).map((p) => [KP[`left_${p}`], KP[`right_${p}`]] as const);

/**
 * A pair is read swapped when matching it the other way round to its tracks costs less than
 * this share of the straight match (summed distances): seen from behind, BlazePose swaps a
 * person's left and right shoulders for a frame or two (a 90 px jump each at 640 px), which
 * made one shoulder roll read as two.
 */
const SWAP_COST_SHARE = 0.5;

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
	/**
	 * A keypoint whose raw observations accelerate this much (root mean square of their second
	 * difference, frame heights, over ≈ 0.3 s) is erratic rather than moving: it is passed on
	 * with its score capped below MIN_KEYPOINT_SCORE, so metrics ignore it. Real movement changes
	 * speed smoothly; heavy webcam jitter (5 px at 480 px) gives ≈ 0.035; a point re-thrown
	 * ≈ 30 px every frame (a model hunting for a hidden joint) gives ≈ 0.2 and, smoothed, looks
	 * like slow real movement that could count a rep.
	 */
	maxErraticRms: number;
	/**
	 * Confidence hysteresis: a keypoint already tracked (found at MIN_KEYPOINT_SCORE or more) is
	 * kept while its score stays at or above this and it lies where its track is heading (within
	 * the outlier gate). A model's confidence in a joint it still places correctly dips and
	 * recovers: BlazePose seen from behind scores a seated person's elbows 0.2–0.4 frame to
	 * frame while placing them within 3 px, and dropping them at every dip under 0.3 paused a
	 * squeeze's hold timer mid-hold. A new point must still reach MIN_KEYPOINT_SCORE to start a
	 * track; a guess that wanders is gated off as before. 1 (or more) turns it off.
	 */
	keepScore: number;
	/**
	 * Longest time (s) a track is kept on low-confidence observations alone: a model whose doubt
	 * lasts is unsure of the point, wherever it puts it. BlazePose's dips last a few frames
	 * between confident ones; a head bowed in a slouch, about a second.
	 */
	keepSeconds: number;
}

/**
 * After this many rejected steps in a row a jump whose points agree is real: the track restarts
 * there. After MAX_HELD_STEPS (0.2 s at 30 fps) it restarts whatever they do.
 */
const MAX_OUTLIER_STEPS = 2;
const MAX_HELD_STEPS = 6;

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
	fillGapSeconds: 0.2,
	maxErraticRms: 0.09,
	keepScore: 0.15,
	keepSeconds: 2
};

/** Weight of one step in the running mean square of jumps (≈ 10 frames, 0.3 s at 30 fps). */
const ERRATIC_WEIGHT = 0.1;
/** Largest second difference (frame heights) one step adds to that mean: one glitch alone
 * (≈ 0.2–0.6 over its two steps) leaves the RMS under maxErraticRms. */
const ERRATIC_JUMP_CAP = 0.15;
/**
 * Outlier gate, frame heights per step: GATE_SIGMAS × the RMS of the point's recent steps, at
 * least MIN_GATE (≈ 19 px at 480 px; heavy webcam jitter, ≈ 5 px a frame, passes it ~1 time
 * in 10⁴ with the RMS at ≈ 0.02).
 */
const GATE_SIGMAS = 3;
/** The gate's prediction extrapolates the track's velocity at most this many steps. */
const MAX_PREDICT_STEPS = 3;
/** Weight of one step in the track's velocity estimate. */
const VELOCITY_WEIGHT = 0.5;
const MIN_GATE = 0.04;
/** How far outside the image (share of its width or height) a keypoint may lie and be used. */
const OUTSIDE_SHARE = 0.5;
/** Below this running share of frames found, a keypoint is erratic (see #score). */
const MIN_PRESENCE = 0.5;
/** Score given to an erratic keypoint: below MIN_KEYPOINT_SCORE, so it is not "seen". */
const ERRATIC_SCORE = MIN_KEYPOINT_SCORE / 2;

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
	/** Running mean square of the raw observations' second difference, (frame heights)². */
	jumpMs: number;
	/** The two previous raw observations (frame heights), newest first, and how many (0–2). */
	ox1: number;
	oy1: number;
	ox2: number;
	oy2: number;
	obs: number;
	/** The same over accepted steps only: sets the outlier gate. */
	stepMs: number;
	/** Velocity of the track, frame heights per step (1/30 s). */
	vx: number;
	vy: number;
	/** Time (s) of the last observation, accepted or held as an outlier. */
	seenT: number;
	/** Time (s) of the last observation at MIN_KEYPOINT_SCORE or more (see keepSeconds). */
	sureT: number;
	/** Last rejected observation, frame heights. */
	rejX: number;
	rejY: number;
	/** Running share of recent frames (same weight) in which the point was found (0..1). */
	presence: number;
}

/** Vector length; Math.hypot guards against overflow we cannot have here and is much slower. */
const len = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

/**
 * Distance (frame heights) from (nx, ny) to where the track is heading `steps` steps on: its
 * position plus its velocity over at most MAX_PREDICT_STEPS steps. The filter lags a fast arm
 * by several px, which must not read as a jump.
 */
const offTrack = (track: Track, nx: number, ny: number, steps: number): number => {
	const ahead = Math.min(steps, MAX_PREDICT_STEPS);
	return len(nx - (track.px + track.vx * ahead), ny - (track.py + track.vy * ahead));
};

export class KeypointSmoother {
	readonly #opts: SmootherOptions;
	#tracks: Array<Track | null> = [];

	constructor(options: Partial<SmootherOptions> = {}) {
		this.#opts = { ...DEFAULT_SMOOTHER, ...options };
	}

	/** Smooths one body observed at `t` seconds. Returns a new body; the input is not mutated. */
	apply(input: Body, t: number): Body {
		const scale = input.height > 0 && Number.isFinite(input.height) ? input.height : 1;
		const body = this.#unswapped(input, t, scale);
		const width = body.width > 0 && Number.isFinite(body.width) ? body.width : scale;
		// More than half a frame outside the image is no measurement: models place keypoints in
		// the image or just past its edge (a hand raised out of the top), never a frame away.
		const keypoints = body.keypoints.map((k, i): Keypoint | null => {
			const usable =
				k !== null &&
				Number.isFinite(k.x) &&
				Number.isFinite(k.y) &&
				// A score is a probability: one outside 0..1 is a broken output, not a confident one.
				k.score >= 0 &&
				k.score <= 1 &&
				k.x >= -OUTSIDE_SHARE * width &&
				k.x <= (1 + OUTSIDE_SHARE) * width &&
				k.y >= -OUTSIDE_SHARE * scale &&
				k.y <= (1 + OUTSIDE_SHARE) * scale;
			const known = this.#tracks[i];
			const present =
				usable &&
				(k.score >= MIN_KEYPOINT_SCORE ||
					(k.score >= this.#opts.keepScore &&
						known != null &&
						this.#continues(known, k, t, scale)));
			if (known) known.presence += ERRATIC_WEIGHT * ((present ? 1 : 0) - known.presence);
			if (!present) {
				// A short gap is filled at the track (see fillGapSeconds).
				const held = known;
				const gap = held ? t - held.lastT : Infinity;
				if (held && gap > 0 && gap <= this.#opts.fillGapSeconds)
					return { x: held.px * scale, y: held.py * scale, score: this.#score(held, held.score) };
				// A keypoint the model is unsure of (often a guess far off, or a trace's [0, 0, 0] row)
				// passes through unfiltered and does not move the track: metrics ignore it anyway, and
				// gliding the track through it would drag the next real frames.
				return usable ? { ...k } : null;
			}
			let track = this.#tracks[i];
			// The time since the point was last observed (held as an outlier or not) decides a
			// restart: a point thrown about for half a second must not come back as a fresh track
			// with a clean record.
			if (!track || t - track.seenT > this.#opts.resetAfterSeconds || t <= track.lastT) {
				track = this.#newTrack();
				this.#tracks[i] = track;
			}
			track.seenT = t;
			if (k.score >= MIN_KEYPOINT_SCORE) track.sureT = t;
			const nx = k.x / scale;
			const ny = k.y / scale;
			// Erratic or not: the second difference of the raw observations (their acceleration,
			// frame heights per step²). Real movement changes speed smoothly (an arm starting a
			// fast sweep ≈ 0.01), heavy webcam jitter gives ≈ 0.035 RMS, while points thrown
			// about at random each frame give ≈ √6 × their spread (≈ 0.2 for ~30 px).
			if (track.obs >= 2) {
				const ax = nx - 2 * track.ox1 + track.ox2;
				const ay = ny - 2 * track.oy1 + track.oy2;
				const a = Math.min(Math.sqrt(ax * ax + ay * ay), ERRATIC_JUMP_CAP);
				track.jumpMs += ERRATIC_WEIGHT * (a * a - track.jumpMs);
			} else track.obs++;
			track.ox2 = track.ox1;
			track.oy2 = track.oy1;
			track.ox1 = nx;
			track.oy1 = ny;
			if (Number.isFinite(track.lastT)) {
				const steps = Math.max(1, (t - track.lastT) * NOMINAL_FPS);
				// Against where the track is heading (its recent velocity), not where it is: the
				// filter lags a fast arm by several px, which must not read as a jump.
				const dist = offTrack(track, nx, ny, steps);
				// For the gate, a gap of n steps allows √n steps' worth of distance: enough for a
				// steady move over a short gap (the gate is ≥ 3 steps of it), not n times the noise.
				const gapJump = dist / Math.sqrt(steps);
				// The gate adapts to the point's own recent accepted steps (so rejected glitches do
				// not widen it): GATE_SIGMAS × their RMS, at least MIN_GATE. One Euro raises its
				// cutoff on a fast step, so a 40–70 px glitch under the fixed maxJumpPerFrame would
				// otherwise go through almost whole.
				const gate = this.#gate(track);
				// After rejected frames the time since lastT spans them, so the distance itself is
				// compared. A jump is real (a fast move, a re-detection) only when the point stays
				// where the rejected frames put it: points thrown about at random each frame agree
				// with each other no better than with the track, and are held at the track (up to
				// MAX_HELD_STEPS, by then the jump statistics mark the point erratic).
				const far = track.rejected > 0 ? dist > gate : gapJump > gate;
				const restart =
					far &&
					track.rejected >= MAX_OUTLIER_STEPS &&
					(track.rejected >= MAX_HELD_STEPS || len(nx - track.rejX, ny - track.rejY) <= gate);
				if (far && !restart) {
					track.rejected++;
					track.rejX = nx;
					track.rejY = ny;
					return { x: track.px * scale, y: track.py * scale, score: this.#score(track, k.score) };
				}
				if (restart) {
					// It stayed there: a real move (or a re-detection). Restart the track at it,
					// remembering how erratic the point has been.
					const old = track;
					track = this.#newTrack();
					track.jumpMs = old.jumpMs;
					track.presence = old.presence;
					track.seenT = t;
					track.sureT = old.sureT;
					track.obs = old.obs;
					track.ox1 = old.ox1;
					track.oy1 = old.oy1;
					track.ox2 = old.ox2;
					track.oy2 = old.oy2;
					this.#tracks[i] = track;
				}
			}
			// An accepted step (not after held outliers, nor a fresh track) teaches the gate how
			// far this point usually moves from where it was heading, and the track's velocity.
			const accepted = Number.isFinite(track.lastT) && track.rejected === 0;
			const steps = accepted ? Math.max(1, (t - track.lastT) * NOMINAL_FPS) : 1;
			const ox = track.px;
			const oy = track.py;
			if (accepted) {
				const j = Math.min(offTrack(track, nx, ny, steps) / steps, ERRATIC_JUMP_CAP);
				track.stepMs += ERRATIC_WEIGHT * (j * j - track.stepMs);
			}
			track.rejected = 0;
			track.lastT = t;
			// The score a short gap is filled with: capped too while the point is erratic.
			// A point kept by hysteresis (see keepScore) carries the threshold score: it is as sure
			// as the weakest point that could start a track, no surer.
			track.score = this.#score(track, Math.max(k.score, MIN_KEYPOINT_SCORE));
			track.px = track.x.filter(nx, t);
			track.py = track.y.filter(ny, t);
			if (accepted) {
				// Velocity of the filtered track, frame heights per step, lightly smoothed.
				track.vx += VELOCITY_WEIGHT * ((track.px - ox) / steps - track.vx);
				track.vy += VELOCITY_WEIGHT * ((track.py - oy) / steps - track.vy);
			}
			return { x: track.px * scale, y: track.py * scale, score: track.score };
		});
		return { keypoints, width: body.width, height: body.height };
	}

	reset(): void {
		this.#tracks = [];
	}

	/**
	 * The body with each left/right pair put back the way its live tracks run, where the model
	 * read it mirrored (see SWAP_COST_SHARE). Both points must be confident and both tracks
	 * live; a person turning round crosses over slowly, so the straight match stays cheaper.
	 */
	#unswapped(body: Body, t: number, scale: number): Body {
		let out: Array<Keypoint | null> | null = null;
		for (const [l, r] of MIRROR_PAIRS) {
			const kl = body.keypoints[l];
			const kr = body.keypoints[r];
			const tl = this.#tracks[l];
			const tr = this.#tracks[r];
			if (!kl || !kr || !tl || !tr) continue;
			if (kl.score < MIN_KEYPOINT_SCORE || kr.score < MIN_KEYPOINT_SCORE) continue;
			const live = this.#opts.resetAfterSeconds;
			if (t - tl.lastT > live || t - tr.lastT > live || t <= tl.lastT || t <= tr.lastT) continue;
			const d = (k: Keypoint, tk: Track) => len(k.x / scale - tk.px, k.y / scale - tk.py);
			const straight = d(kl, tl) + d(kr, tr);
			const crossed = d(kl, tr) + d(kr, tl);
			// Only a real mismatch (each point off by more than the smallest outlier gate): where
			// the two cross over (a person turning round), both matches are a pixel or two and
			// their ratio means nothing.
			if (straight > 2 * MIN_GATE && crossed < SWAP_COST_SHARE * straight) {
				out ??= [...body.keypoints];
				out[l] = kr;
				out[r] = kl;
			}
		}
		return out ? { ...body, keypoints: out } : body;
	}

	/**
	 * Whether a low-confidence observation continues a live track (see keepScore): the track was
	 * updated within resetAfterSeconds, is not holding outliers, and the point lies within the
	 * outlier gate of where the track is heading.
	 */
	#continues(track: Track, k: Keypoint, t: number, scale: number): boolean {
		if (track.rejected > 0 || !Number.isFinite(track.lastT)) return false;
		if (t - track.sureT > this.#opts.keepSeconds) return false;
		const dt = t - track.lastT;
		if (dt <= 0 || dt > this.#opts.resetAfterSeconds) return false;
		const steps = Math.max(1, dt * NOMINAL_FPS);
		return offTrack(track, k.x / scale, k.y / scale, steps) <= this.#gate(track);
	}

	/**
	 * The outlier gate, frame heights per step: GATE_SIGMAS × the RMS of the point's recent
	 * accepted steps, at least MIN_GATE, at most maxJumpPerFrame.
	 */
	#gate(track: Track): number {
		return Math.min(
			this.#opts.maxJumpPerFrame,
			Math.max(MIN_GATE, GATE_SIGMAS * Math.sqrt(track.stepMs))
		);
	}

	/**
	 * `score`, capped below MIN_KEYPOINT_SCORE while the track is erratic: jumping about (see
	 * maxErraticRms) or found in under MIN_PRESENCE of recent frames (a point the model keeps
	 * losing and re-placing is a guess: a webcam model under heavy noise finds ≈ 97 %). With
	 * ERRATIC_WEIGHT 0.1, seven frames lost in a row fall below 0.5: longer than fillGapSeconds,
	 * so a short gap is filled with the point's own score.
	 */
	#score(track: Track, score: number): number {
		const limit = this.#opts.maxErraticRms;
		return track.jumpMs > limit * limit || track.presence < MIN_PRESENCE
			? Math.min(score, ERRATIC_SCORE)
			: score;
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
			score: 0,
			jumpMs: 0,
			ox1: 0,
			oy1: 0,
			ox2: 0,
			oy2: 0,
			obs: 0,
			stepMs: 0,
			vx: 0,
			vy: 0,
			seenT: -Infinity,
			sureT: -Infinity,
			rejX: NaN,
			rejY: NaN,
			presence: 1
		};
	}
}
