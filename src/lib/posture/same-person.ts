/**
 * Is the body the model sees the person who calibrated? Pose models return one person per frame
 * (`maxPoses: 1`), and with a colleague walking behind, or sitting beside, the model may hand us
 * them for a few frames. Judged as the worker, a passer-by leaning over a desk would count as a
 * slouch and could fire a nudge. Pure: features in, a yes or no out.
 *
 * The test is the one a person would make: the calibrated person sits where they sat a moment
 * ago and looks the same size. Both are measured in the calibration's unit (shoulder widths from
 * the front, torso lengths from the side), so the limits hold at any distance from the camera:
 * - the shoulder midpoint (the head's point when either side has no shoulders) within
 *   `maxJump` units of where the person was last accepted, or of where they calibrated;
 * - and, from the front, unless it sits right there (`samePlace`), the shoulder width there
 *   within [1/`maxScale`, `maxScale`].
 * A body that fails either is someone else, until it has stayed in one place (within `maxJump`
 * of where it was first refused) for `newPlaceSeconds`: then it is the worker, who moved or
 * whose camera moved, and the setup check (./setup-check.ts) asks whether to recalibrate.
 */
import type { Calibration } from './calibration';
import type { PostureFeatures } from './features';
import type { Pt } from './types';

export interface SamePersonOptions {
	/**
	 * Most the shoulders may move between two accepted frames, in units. Shifting in the chair
	 * or leaning to the screen moves them under 0.5; the live page samples 1–3 s apart, so allow
	 * three times that. A neighbour at the next desk sits 2–4 shoulder widths away.
	 */
	maxJump: number;
	/**
	 * Shoulder width (front) against the last accepted one, as a ratio either way. Leaning in
	 * toward the screen grows it ≈ 25 %, leaning back shrinks it ≈ 10 %; someone passing a metre
	 * behind a worker 1.6 m from the camera looks 0.6 times as wide (≈ 1.6 / 2.6), and behind a
	 * laptop worker 0.6 m away about a third. The setup check's `maxScale` is the same 1.4.
	 */
	maxScale: number;
	/**
	 * A body within this many units of the place is the person whatever its size: anyone else
	 * there would be hidden behind them, and a half-seen shoulder makes the model misjudge the
	 * width (a phone's portrait frame: 0.4 of the calibrated width as the person comes back).
	 */
	samePlace: number;
	/** A refused body that stays put this long, s, is taken for the worker in a new place. */
	newPlaceSeconds: number;
}

export const DEFAULT_SAME_PERSON: SamePersonOptions = {
	maxJump: 1.5,
	maxScale: 1.4,
	samePlace: 0.5,
	newPlaceSeconds: 5
};

/**
 * Where a person sits, in image px: their shoulder midpoint and head point, and from the front
 * their shoulder width (any may lack).
 */
interface Place {
	shoulder: Pt | null;
	head: Pt | null;
	width?: number | null;
}

/**
 * How far `f` sits from `place`, in units of `unit` px: between the shoulder midpoints where
 * both have them, else between the head points; null when there is nothing to compare.
 */
export function placeDistance(f: Place, place: Place, unit: number): number | null {
	if (!(unit > 0)) return null;
	const a = f.shoulder && place.shoulder ? f.shoulder : f.head;
	const b = f.shoulder && place.shoulder ? place.shoulder : place.head;
	if (!a || !b) return null;
	return Math.hypot(a.x - b.x, a.y - b.y) / unit;
}

/** Follows the calibrated person from frame to frame (see the module's comment). */
export class SamePerson {
	readonly #options: SamePersonOptions;
	readonly #cal: Calibration;
	/** Where the person sat while calibrating: always a place where they may be. */
	readonly #calibrated: Place;
	/** Where the person was last accepted. */
	#place: Place;
	/** A refused body's first place and time, while it keeps to that place. */
	#stranger: { place: Place; since: number } | null = null;

	constructor(cal: Calibration, options: Partial<SamePersonOptions> = {}) {
		this.#options = { ...DEFAULT_SAME_PERSON, ...options };
		this.#cal = cal;
		this.#calibrated = {
			shoulder: cal.anchor.shoulder,
			head: cal.anchor.head,
			// The front unit is the shoulder width, unless the shoulders were out of view.
			width: cal.view === 'front' && cal.anchor.shoulder ? cal.reference.scale : null
		};
		this.#place = this.#calibrated;
	}

	/**
	 * Whether this frame's body is the calibrated person; follows them when it is. `size: false`
	 * leaves the shoulder width out (a front-calibrated person turned side-on).
	 */
	check(t: number, f: PostureFeatures, options: { size: boolean } = { size: true }): boolean {
		const unit = this.#cal.reference.scale;
		const here: Place = {
			shoulder: f.shoulder,
			head: f.head,
			width: options.size && this.#cal.view === 'front' ? f.shoulderWidth : null
		};
		// Where they were a moment ago, or back where they calibrated (after leaving the chair, or
		// after the model followed them half out of the picture).
		if (this.#near(here, this.#place, unit) || this.#near(here, this.#calibrated, unit)) {
			this.#accept(here);
			return true;
		}
		const s = this.#stranger;
		const stayed = s ? placeDistance(here, s.place, unit) : null;
		if (!s || stayed === null || stayed > this.#options.maxJump) {
			this.#stranger = { place: here, since: t };
			return false;
		}
		if (t - s.since < this.#options.newPlaceSeconds) return false;
		this.#accept(here);
		return true;
	}

	/** Within `samePlace` of `place`, or within `maxJump` and (front) `maxScale` of its size. */
	#near(here: Place, place: Place, unit: number): boolean {
		const jump = placeDistance(here, place, unit);
		if (jump !== null && jump > this.#options.maxJump) return false;
		if (jump !== null && jump <= this.#options.samePlace) return true;
		const w0 = place.width;
		if (here.width && w0) {
			const ratio = here.width / w0;
			const k = this.#options.maxScale;
			if (ratio > k || ratio < 1 / k) return false;
		}
		return true;
	}

	#accept(here: Place): void {
		this.#stranger = null;
		// Keep the last known shoulders or head while a frame lacks them.
		this.#place = {
			shoulder: here.shoulder ?? this.#place.shoulder,
			head: here.head ?? this.#place.head,
			width: here.width ?? this.#place.width
		};
	}
}
