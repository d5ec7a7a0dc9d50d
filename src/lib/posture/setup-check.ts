/**
 * Noticing that the setup changed since the calibration: the camera was moved or tilted, the
 * chair sits at another distance, another camera (another frame size). Then the calibration's
 * positions and sizes no longer mean "upright", and judging against them would nag a person
 * who sits perfectly well, so the page asks to recalibrate.
 *
 * What tells a setup change from a posture change: a moved camera shifts the head and the
 * shoulders TOGETHER across the frame, and a new distance scales them together; a slouch moves
 * the head much more than the shoulders and hardly changes the shoulders' size. And it lasts:
 * only a change held for `seconds` counts (standing up, reaching for something, a colleague
 * walking past are shorter, or are "not in position" anyway).
 */
import type { Calibration } from './calibration';
import type { PostureFeatures } from './features';

export interface SetupCheckOptions {
	/** A change must hold this long (s) before we ask. */
	seconds: number;
	/**
	 * Shoulders moved by more than this many units (the calibration's shoulder width from the
	 * front, torso length from the side), with the head moving the same way: the camera moved.
	 * A slouch moves the shoulders 0.1–0.2 units (they round forward and drop a little); shifting
	 * in the chair about as much. Units, not pixels, so a person far from the camera (small in the
	 * picture) is held to the same standard as one close to it.
	 */
	maxShift: number;
	/**
	 * Size (shoulder width from the front, shoulder–head distance from the side) outside
	 * [1/maxScale, maxScale] of the calibration's: another distance. Leaning back shrinks the
	 * shoulders ≈ 5–10 %; a strong lean in grows them ≈ 25 %.
	 */
	maxScale: number;
	/** "OK" frames that end a change streak, in a row (a glitch does not restart the count). */
	okSecondsToClear: number;
}

export const DEFAULT_SETUP_CHECK: SetupCheckOptions = {
	seconds: 15,
	maxShift: 0.4,
	maxScale: 1.4,
	okSecondsToClear: 3
};

export type SetupVerdict = 'same' | 'moved' | 'resized' | 'new-frame';

/** How one frame compares with the calibration's setup (pure, per frame). */
export function compareSetup(
	f: PostureFeatures,
	cal: Calibration,
	options: SetupCheckOptions = DEFAULT_SETUP_CHECK
): SetupVerdict | null {
	const a = cal.anchor;
	if (f.width !== a.width || f.height !== a.height) return 'new-frame';
	// Calibrated without the shoulders in view (a camera close to the face): nothing to
	// compare a shift or a size with but the head, which a slouch moves too.
	if (!f.shoulder || !f.head || !a.shoulder) return null;
	const unit = cal.reference.scale;
	const sdx = (f.shoulder.x - a.shoulder.x) / unit;
	const sdy = (f.shoulder.y - a.shoulder.y) / unit;
	const hdx = (f.head.x - a.head.x) / unit;
	const hdy = (f.head.y - a.head.y) / unit;
	const shift = Math.hypot(sdx, sdy);
	// The head followed the shoulders (within half the shift): the whole person moved in frame.
	const together = Math.hypot(hdx - sdx, hdy - sdy) < 0.5 * shift;
	if (shift > options.maxShift && together) return 'moved';
	const size =
		cal.view === 'front'
			? f.shoulderWidth
			: Math.hypot(f.head.x - f.shoulder.x, f.head.y - f.shoulder.y);
	const size0 =
		cal.view === 'front'
			? cal.reference.scale
			: Math.hypot(a.head.x - a.shoulder.x, a.head.y - a.shoulder.y);
	if (size !== null && size0 > 1) {
		const r = size / size0;
		if (r > options.maxScale || r < 1 / options.maxScale) return 'resized';
	}
	return 'same';
}

/** Follows the verdicts over time; `changed` once a change has held for `seconds`. */
export class SetupCheck {
	readonly #options: SetupCheckOptions;
	#since: number | null = null;
	#okSince: number | null = null;
	#kind: Exclude<SetupVerdict, 'same'> | null = null;
	#changed = false;
	#dismissed = false;

	constructor(options: Partial<SetupCheckOptions> = {}) {
		this.#options = { ...DEFAULT_SETUP_CHECK, ...options };
	}

	get options(): SetupCheckOptions {
		return this.#options;
	}

	/** A change has held long enough to ask about (and was not dismissed). */
	get changed(): boolean {
		return this.#changed && !this.#dismissed;
	}

	/** The person said the setup is fine (until it is the calibrated one again). */
	get dismissed(): boolean {
		return this.#dismissed;
	}

	/** What change has held for `seconds`, asked about or dismissed alike (null: none). */
	get held(): Exclude<SetupVerdict, 'same'> | null {
		return this.#changed ? this.#kind : null;
	}

	/** What changed, while `changed`. */
	get kind(): Exclude<SetupVerdict, 'same'> | null {
		return this.changed ? this.#kind : null;
	}

	/**
	 * One frame's verdict at `t` seconds (null: cannot tell, e.g. nobody there; it neither
	 * confirms nor clears a change).
	 */
	update(t: number, verdict: SetupVerdict | null): void {
		if (verdict === null) return;
		if (verdict === 'same') {
			this.#okSince ??= t;
			if (t - this.#okSince >= this.#options.okSecondsToClear) {
				this.#since = null;
				this.#kind = null;
				this.#changed = false;
				// Back to the calibrated setup: a later change is asked about again.
				this.#dismissed = false;
			}
			return;
		}
		this.#okSince = null;
		if (verdict === 'new-frame') {
			// Another camera or resolution: nothing in pixels compares any more.
			this.#kind = verdict;
			this.#changed = true;
			return;
		}
		this.#since ??= t;
		this.#kind = verdict;
		if (t - this.#since >= this.#options.seconds) this.#changed = true;
	}

	/** The person says the setup is fine: stop asking until it changes again. */
	dismiss(): void {
		this.#dismissed = true;
	}

	reset(): void {
		this.#since = null;
		this.#okSince = null;
		this.#kind = null;
		this.#changed = false;
		this.#dismissed = false;
	}
}
