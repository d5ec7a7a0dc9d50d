/**
 * "Why isn't it counting?" When the person keeps moving and nothing has counted for a few
 * seconds, the coach says why, in the most specific words it has: a setup problem (out of view,
 * a body part missing, the wrong camera view), the baseline it still needs, or what the last
 * attempt lacked (not far enough, a different move). Silence while someone works is the worst
 * answer a coach can give.
 *
 * Pure: fed once per frame by the coach (see coach.ts).
 */
import { seen, type Body, type KeypointName } from '../pose/keypoints';
import type { ExerciseDefinition, NotCountedReason, SetupIssue } from './types';
import { creditedStep } from './time-step';

/** Seconds without anything counted before a reason is given … */
export const QUIET_SECONDS = 6;
/** … of which the person was moving at least this many (s). */
const MOVING_SECONDS = 4;
/** Seconds between two reasons (the person needs time to act on one). */
const REASON_GAP_SECONDS = 8;
/**
 * Speed (torso lengths per second) of the fastest upper-body keypoint, low-passed over
 * SPEED_TAU_SECONDS, above which the person is moving. Keypoint wander on a person standing
 * still reads ≈ 0.05–0.15; a shrug moves the shoulders at ≈ 0.3–0.5, an arm raise the wrists
 * at ≈ 2.
 */
const MOVING_SPEED = 0.25;
const SPEED_TAU_SECONDS = 0.5;
/** A rep signal that got this far toward `enter` (0 rest, 1 there) was an attempt at the move. */
const ATTEMPT_PROGRESS = 0.3;

const MOVERS: readonly KeypointName[] = [
	'nose',
	'left_shoulder',
	'right_shoulder',
	'left_elbow',
	'right_elbow',
	'left_wrist',
	'right_wrist'
];

const SETUP_REASON: Readonly<Record<SetupIssue['id'], NotCountedReason | null>> = {
	'no-person': 'not-in-view',
	'low-confidence': 'not-in-view',
	'too-far': 'not-in-view',
	'too-close': 'not-in-view',
	'not-fully-visible': 'body-part-missing',
	'wrong-view': 'wrong-view',
	// Standing for a floor move is being in the wrong position for the camera to judge it.
	'not-on-floor': 'wrong-view',
	'two-people': null
};

export interface NotCounted {
	reason: NotCountedReason;
	text: string;
}

export interface NotCountedInput {
	t: number;
	body: Body | null;
	scalePx: number | null;
	setup: SetupIssue | null;
	calibrating: boolean;
	/** Where the rep signal is between rest (0) and `enter` (1); null for holds or unmeasured. */
	repProgress: number | null;
	/** A rep is under way: its outcome is not known yet, so nothing is said. */
	repActive: boolean;
}

export class NotCountedTracker {
	readonly #def: ExerciseDefinition;
	#lastProgressT: number | null = null;
	#lastReasonT = -Infinity;
	#speed = 0;
	#prev: { t: number; pts: Array<{ x: number; y: number } | null> } | null = null;
	#movingSince: number | null = null;
	/** Seconds spent moving since something last counted (or a reason was given). */
	#movedFor = 0;
	#lastT: number | null = null;
	#bestProgress = 0;
	#failure: (NotCounted & { t: number }) | null = null;

	constructor(def: ExerciseDefinition) {
		this.#def = def;
	}

	/** Something counted (a rep, a second of a hold): the clock starts again. */
	progress(t: number): void {
		this.#lastProgressT = t;
		this.#movedFor = 0;
		this.#bestProgress = 0;
		this.#failure = null;
	}

	/** Something is under way (a rep started, a squeeze is held): the clock starts again. */
	touch(t: number): void {
		this.#lastProgressT = t;
		this.#movedFor = 0;
	}

	/** A rep attempt that did not count, and why. */
	failure(reason: NotCountedReason, text: string, t: number): void {
		this.#failure = { reason, text, t };
	}

	/** One frame; returns a reason when one is due now. */
	update(i: NotCountedInput): NotCounted | null {
		this.#lastProgressT ??= i.t;
		this.#trackSpeed(i.t, i.body, i.scalePx);
		if (i.repProgress !== null) this.#bestProgress = Math.max(this.#bestProgress, i.repProgress);
		const blocked = i.setup?.blocking ? i.setup : null;
		// A person out of view cannot be seen moving: a blocking setup problem counts as movement
		// as long as somebody is there.
		const moving = blocked ? i.body !== null : this.#movingSince !== null;
		const dt = creditedStep(this.#lastT, i.t);
		this.#lastT = i.t;
		// Standing still is a rest, not a failure: only time spent moving counts toward a reason.
		if (moving && !i.repActive) this.#movedFor += dt;
		if (!moving || this.#movedFor < MOVING_SECONDS) return null;
		if (i.t - this.#lastProgressT < QUIET_SECONDS) return null;
		if (i.t - this.#lastReasonT < REASON_GAP_SECONDS) return null;
		const why = this.#reason(blocked, i.calibrating);
		if (!why) return null;
		this.#lastReasonT = i.t;
		this.#movedFor = 0;
		return why;
	}

	#reason(blocked: SetupIssue | null, calibrating: boolean): NotCounted | null {
		if (blocked) {
			const reason = SETUP_REASON[blocked.id];
			return reason ? { reason, text: blocked.message } : null;
		}
		if (calibrating) {
			return {
				reason: 'hold-still',
				text: 'Hold still for a second in your starting position, so I can learn it; then start.'
			};
		}
		if (this.#failure) return { reason: this.#failure.reason, text: this.#failure.text };
		const def = this.#def;
		if (def.rep || def.repByView) {
			if (this.#bestProgress >= ATTEMPT_PROGRESS) {
				return {
					reason: 'not-far-enough',
					text: `Almost: go further each time. ${def.instructions[1] ?? ''}`.trim()
				};
			}
			return {
				reason: 'different-move',
				text: `That doesn't look like ${def.name.toLowerCase()} yet. ${def.instructions[1] ?? ''}`.trim()
			};
		}
		if (def.hold) return { reason: 'not-far-enough', text: def.hold.cue };
		return null;
	}

	#trackSpeed(t: number, body: Body | null, scalePx: number | null): void {
		if (!body || !scalePx || scalePx <= 1) {
			this.#prev = null;
			this.#movingSince = null;
			return;
		}
		const pts = MOVERS.map((n) => seen(body, n));
		const prev = this.#prev;
		this.#prev = { t, pts };
		if (!prev) return;
		const dt = t - prev.t;
		if (!(dt > 0) || dt > 0.5) return;
		let fastest = 0;
		for (let k = 0; k < pts.length; k++) {
			const a = pts[k];
			const b = prev.pts[k];
			if (!a || !b) continue;
			fastest = Math.max(fastest, Math.hypot(a.x - b.x, a.y - b.y) / scalePx / dt);
		}
		this.#speed += (1 - Math.exp(-dt / SPEED_TAU_SECONDS)) * (fastest - this.#speed);
		if (this.#speed > MOVING_SPEED) this.#movingSince ??= t;
		else this.#movingSince = null;
	}

	reset(): void {
		this.#lastProgressT = null;
		this.#lastReasonT = -Infinity;
		this.#speed = 0;
		this.#prev = null;
		this.#movingSince = null;
		this.#movedFor = 0;
		this.#lastT = null;
		this.#bestProgress = 0;
		this.#failure = null;
	}
}
