/**
 * Holds as a pure state machine, beside the rep machine (rep-machine.ts). One frame is two
 * steps, because the form rules sit between them: `holdTransition` reads where the person is (in
 * the hold position or not, which side, debounced) and ends or switches holds; the coach then
 * judges the form rules in the phase that gives (`holdPhase`), and `holdCredit` runs the clock
 * only in position with good form. Neither step has side effects: what the coach must do (take
 * a score, give the position prompt, say the hold is done) comes back with the new state.
 */
import { baseMetricOf, METRIC_UNIT, type MetricUnit } from '../metrics/body-metrics';
import { evaluate, type Facts, type Slack } from './conditions';
import type { CoachEvent, HoldSpec, Side } from './types';

/** Seconds out of the hold position before the hold ends (shorter breaks only pause it). */
export const HOLD_EXIT_SECONDS = 3;
/**
 * Seconds out of position, in total, that end a COMPLETED hold so the next one can start. Summed
 * rather than continuous: a noisy frame that reads "in position" while relaxing must not keep
 * the finished hold alive.
 */
export const RELAX_SECONDS = 1.5;
/**
 * Seconds a hold position reading must persist before the coach believes it: in position to
 * start (or resume) the timer, out of position to pause it. Hold conditions sit a few degrees
 * from where people hold (a 10° arch judged at 6°), so keypoint wander flips single frames
 * either way; on generated seated extensions with heavy noise those frames credited rest time
 * to the hold and glued two 12 s holds into one 20 s hold, while drop-outs paused real holds.
 */
export const HOLD_ENTER_SECONDS = 0.4;
export const HOLD_LEAVE_SECONDS = 0.5;
/** Seconds the other side must read in position before a per-side hold switches sides. */
export const SIDE_SWITCH_SECONDS = 0.5;
/** Seconds in view but out of position before the hold's position prompt is given. */
export const POSITION_PROMPT_SECONDS = 4;

/**
 * How far past a hold's thresholds a reading may wander, per unit, before the coach believes
 * the person has left the position (the hold is entered at the thresholds as written). Keypoint
 * wander moves a reading that sits a few units inside a threshold back and forth across it; on
 * generated seated extensions with heavy noise (trunk lean ≈ ±4° of slow wander around a 10°
 * arch judged at 6°) a person still arched was paused, and after 3 s out, reset. The units
 * other than degrees and torso lengths get about half of what the baseline counts as still.
 */
const HOLD_STAY_SLACK: Readonly<Record<MetricUnit, number>> = {
	deg: 3,
	scale: 0.04,
	armLength: 0.06,
	earWidth: 0.15,
	ratio: 0.1,
	px: 0
};

const holdStaySlack: Slack = (metric) => HOLD_STAY_SLACK[METRIC_UNIT[baseMetricOf(metric)]];

/** The hold under way. */
export interface HoldProgress {
	/** Seconds held with good form (s). */
	readonly seconds: number;
	readonly side: Side | null;
	readonly done: boolean;
	/** Session time (s) the person left the position (continuous), or null while in it. */
	readonly outSince: number | null;
	/** Seconds out of position in total since the hold completed. */
	readonly relaxed: number;
}

export interface HoldState {
	readonly current: HoldProgress;
	/** Counts the holds started, so a debounced exit can tell whether the hold is still the same. */
	readonly holdNo: number;
	readonly holdsCompleted: number;
	readonly holdsBySide: Readonly<Record<Side, number>>;
	/** Seconds in a hold's position with good form over the session, finished holds included. */
	readonly heldTotal: number;
	/** This frame's reading, debounced and side-checked: in the hold position. */
	readonly inHold: boolean;
	/** The debounced in-position reading, and since when (s) the raw reading disagrees. */
	readonly posIn: boolean;
	readonly posFlipSince: number | null;
	/** The hold's seconds when the reading first said "out of position" (see below). */
	readonly heldAtFlip: { holdNo: number; seconds: number; total: number } | null;
	/** Seconds between the first "in position" reading and our being sure of it (s). */
	readonly entryCredit: number;
	/** The other side read in position, since when (s): a per-side hold switches once it lasts. */
	readonly switchTo: { side: Side; since: number } | null;
	/** Session time (s) since which the person has been in view but out of position. */
	readonly restSince: number | null;
	/** Whole seconds of the current hold already announced. */
	readonly lastProgressSecond: number;
}

/** A copy whose fields the step functions below may set (their input is never changed). */
type Draft<T> = { -readonly [K in keyof T]: T[K] };

const FRESH_HOLD: HoldProgress = {
	seconds: 0,
	side: null,
	done: false,
	outSince: null,
	relaxed: 0
};

export const INITIAL_HOLD_STATE: HoldState = {
	current: FRESH_HOLD,
	holdNo: 0,
	holdsCompleted: 0,
	holdsBySide: { left: 0, right: 0 },
	heldTotal: 0,
	inHold: false,
	posIn: false,
	posFlipSince: null,
	heldAtFlip: null,
	entryCredit: 0,
	switchTo: null,
	restSince: null,
	lastProgressSecond: 0
};

/** What the form rules judge: the hold's active phase, or rest. */
export function holdPhase(state: HoldState): 'rest' | 'active' {
	const hold = state.current;
	return hold.outSince === null && (hold.seconds > 0 || state.inHold) ? 'active' : 'rest';
}

export interface HoldPositionStep {
	state: HoldState;
	/** A hold was given up (out too long, or the other side started): its form faults go. */
	scoreReset: boolean;
	/** In view but out of position for POSITION_PROMPT_SECONDS: offer the hold's position cue. */
	prompt: boolean;
}

/** Step one of a frame: where the person is (facts: this frame's metrics and deltas; t, dt in s). */
export function holdTransition(
	spec: HoldSpec,
	state: HoldState,
	frame: { facts: Facts; t: number; dt: number }
): HoldPositionStep {
	const { facts, t, dt } = frame;
	const s: Draft<HoldState> = { ...state };
	let h: Draft<HoldProgress> = { ...state.current };
	let scoreReset = false;
	let side: Side | null = null;
	let inPosition: boolean;
	// Hysteresis: once in position, the hold's thresholds are loosened by HOLD_STAY_SLACK.
	const stay = (which: Side | null): Slack | undefined =>
		s.posIn && h.side === which ? holdStaySlack : undefined;
	if (spec.sides) {
		const left = evaluate(spec.sides.left, facts, stay('left')) === true;
		const right = evaluate(spec.sides.right, facts, stay('right')) === true;
		// Both at once (both knees hugged in): the side with fewer holds done, so one position
		// held on serves each side in turn instead of sticking on a finished left.
		const by = s.holdsBySide;
		side =
			left && right
				? by.right < by.left
					? 'right'
					: 'left'
				: left
					? 'left'
					: right
						? 'right'
						: null;
		inPosition = side !== null;
	} else {
		inPosition = spec.condition ? evaluate(spec.condition, facts, stay(null)) === true : true;
	}
	// Debounced: a reading that has not yet persisted (see HOLD_ENTER_SECONDS) is overridden.
	if (inPosition !== s.posIn) {
		if (s.posFlipSince === null) {
			s.posFlipSince = t;
			s.heldAtFlip = { holdNo: s.holdNo, seconds: h.seconds, total: s.heldTotal };
		}
		const dwell = inPosition ? HOLD_ENTER_SECONDS : HOLD_LEAVE_SECONDS;
		if (t - s.posFlipSince >= dwell) {
			if (inPosition) s.entryCredit = Math.min(t - s.posFlipSince, 2 * dwell);
			s.posIn = inPosition;
			s.posFlipSince = null;
			const at = s.heldAtFlip;
			if (!inPosition && at && at.holdNo === s.holdNo && !h.done) {
				// The person left when the reading first said so, not when we were sure: the
				// seconds credited while we made sure were not held.
				h.seconds = at.seconds;
				s.heldTotal = at.total;
			}
			s.heldAtFlip = null;
		} else {
			inPosition = s.posIn;
			side = inPosition ? h.side : null;
		}
	} else {
		s.posFlipSince = null;
	}
	// A hold on one side switches only when the other side persists: one frame with a stray
	// ear reading the opposite tilt must not throw away a 17 s hold.
	if (side !== null && h.side !== null && side !== h.side && h.seconds > 0) {
		if (s.switchTo?.side !== side) s.switchTo = { side, since: t };
		if (t - s.switchTo.since < SIDE_SWITCH_SECONDS) {
			side = null;
			inPosition = false;
		}
	} else {
		s.switchTo = null;
	}
	const fresh = (outSince: number | null): Draft<HoldProgress> => {
		s.holdNo += 1;
		return { ...FRESH_HOLD, outSince };
	};
	if (h.done && !inPosition) h.relaxed += dt;
	if (h.done && h.relaxed >= RELAX_SECONDS) h = fresh(inPosition ? null : t);
	s.inHold = inPosition;

	let prompt = false;
	if (!inPosition) {
		h.outSince ??= t;
		if (!h.done && t - h.outSince > HOLD_EXIT_SECONDS && h.seconds > 0) {
			scoreReset = true;
			h = fresh(h.outSince);
		}
		s.restSince ??= t;
		prompt = t - s.restSince > POSITION_PROMPT_SECONDS;
	} else {
		s.restSince = null;
		if (side !== h.side && h.seconds > 0) {
			// Switched sides: the other side's hold starts fresh (also right after a completed
			// hold: the person may go straight to the other side before the relax time is up).
			scoreReset = true;
			h = fresh(null);
		}
		h.side = side;
		h.outSince = null;
	}
	s.current = h;
	return { state: s, scoreReset, prompt };
}

export type HoldEvent = Extract<CoachEvent, { type: 'hold-progress' | 'hold-complete' }>;

export interface HoldCreditStep {
	state: HoldState;
	/** hold-progress each new whole second; hold-complete when the target is reached. */
	events: HoldEvent[];
	/** Time was credited to the hold this frame (the person is doing what is asked). */
	progressed: boolean;
}

/** Step two: time runs only in position with good form (formOk: no active-phase rule fails). */
export function holdCredit(
	spec: HoldSpec,
	state: HoldState,
	frame: { formOk: boolean; t: number; dt: number }
): HoldCreditStep {
	const { formOk, t, dt } = frame;
	const events: HoldEvent[] = [];
	// The seconds spent making sure the person was in position were held too.
	const step = state.inHold && formOk ? dt + state.entryCredit : 0;
	const s: Draft<HoldState> = {
		...state,
		entryCredit: state.inHold ? 0 : state.entryCredit,
		heldTotal: state.heldTotal + step
	};
	if (!s.inHold || s.current.done) return { state: s, events, progressed: false };
	const h: Draft<HoldProgress> = { ...s.current };
	if (h.seconds === 0) s.lastProgressSecond = 0;
	if (formOk) h.seconds += step;
	const progressed = formOk && dt > 0;
	const whole = Math.floor(h.seconds);
	if (whole > s.lastProgressSecond) {
		s.lastProgressSecond = whole;
		events.push({ type: 'hold-progress', t, seconds: whole, target: spec.seconds, side: h.side });
	}
	if (h.seconds >= spec.seconds) {
		h.done = true;
		s.holdsCompleted += 1;
		if (h.side) s.holdsBySide = { ...s.holdsBySide, [h.side]: s.holdsBySide[h.side] + 1 };
		events.push({
			type: 'hold-complete',
			t,
			seconds: h.seconds,
			side: h.side,
			count: s.holdsCompleted
		});
	}
	s.current = h;
	return { state: s, events, progressed };
}
