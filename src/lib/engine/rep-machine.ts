/**
 * Rep phases as a pure state machine with hysteresis (like ML Kit's RepetitionCounter): a rep
 * starts when the signal passes `enter` and completes only when it comes back past `exit`, so
 * jitter between the two thresholds never counts. A rep also needs the full range: the machine
 * is "armed" only after the signal has been seen at rest (past `exit`), so someone who starts in
 * the active position, or walks in mid-move, is not credited with a rep.
 *
 * Each crossing must also persist for DWELL_SECONDS: a single outlier frame (one wild elbow) can
 * neither start nor end a rep.
 */
import type { RepSpec } from './types';

export interface RepState {
	phase: 'rest' | 'active';
	armed: boolean;
	/** Session time (s) the current active phase started. */
	activeSince: number;
	/** Session time (s) the previous rep ended (or the machine armed). */
	restSince: number;
	/** Most extreme value reached in the current active phase (metric units). */
	peak: number;
	/**
	 * The rest-side extreme of the signal in the current rest phase (metric units; NaN before
	 * any): where this person actually rests between reps, which for back-to-back reps is not
	 * back at `exit`.
	 */
	restLevel: number;
	/** The rest level the current rep started from (NaN at rest). */
	repRest: number;
	/** Session time (s) the signal first crossed toward the other phase, or null. */
	crossingSince: number | null;
}

export type RepTransition =
	| { kind: 'none' }
	| { kind: 'start' }
	/** A rep: out past `enter` and back, spanning at least the band between enter and exit. */
	| { kind: 'complete'; durationSeconds: number; peak: number; excursion: number }
	/** Out past `enter` and back, but the whole movement spanned less than the band. */
	| { kind: 'shallow'; durationSeconds: number; peak: number; excursion: number };

export const INITIAL_REP_STATE: RepState = {
	phase: 'rest',
	armed: false,
	activeSince: 0,
	restSince: 0,
	peak: NaN,
	restLevel: NaN,
	repRest: NaN,
	crossingSince: null
};

/** Faster than this (s) is a glitch (a lost and refound keypoint), not a human rep. */
export const GLITCH_SECONDS = 0.15;
/** A crossing must last this long (s; ≈ 3–4 frames at 30 fps, 2 at 15 fps) to change phase. */
export const DWELL_SECONDS = 0.1;
/**
 * A rep is over once the signal has come back this share of the way from its peak to where the
 * rep started (and out of the active zone), even short of `exit`. People doing reps back to back
 * turn round well before their full rest position: a real wall-angel set comes down to 116–120°
 * between reps against 105° at the start, and real shrugs barely pause at the bottom. Keypoint
 * wander at the top of a rep is a few percent of a rep's span, far from 60 %.
 */
export const RETURN_SHARE = 0.6;

const NONE = { kind: 'none' } as const;

export function repTransition(
	spec: RepSpec,
	state: RepState,
	value: number | null,
	t: number
): { state: RepState; event: RepTransition } {
	if (value === null || !Number.isFinite(value)) return { state, event: NONE };
	const up = spec.direction === 'up';
	const pastEnter = up ? value > spec.enter : value < spec.enter;
	const pastExit = up ? value < spec.exit : value > spec.exit;
	const active = state.phase === 'active';
	const peak = active
		? up
			? Math.max(state.peak, value)
			: Math.min(state.peak, value)
		: state.peak;
	// Rest-side extreme of this rest phase (lowest for a rising signal).
	const restLevel = active
		? state.restLevel
		: Number.isNaN(state.restLevel)
			? value
			: up
				? Math.min(state.restLevel, value)
				: Math.max(state.restLevel, value);
	let crossing: boolean;
	if (!active) {
		// Armed once seen out of the active zone: someone who starts (or walks in) in the active
		// position is not credited with a rep until they have left it.
		crossing = state.armed ? pastEnter : !pastEnter;
	} else {
		// A held rep (a 5 s squeeze) ends only back past exit: its rest between reps is real,
		// and over a long hold keypoint wander would sometimes dip a small signal by 60 %.
		const returned =
			spec.holdSeconds === undefined &&
			Math.abs(value - peak) >= RETURN_SHARE * Math.abs(peak - state.repRest);
		crossing = !pastEnter && (pastExit || returned);
	}
	if (!crossing) {
		const next =
			state.crossingSince === null && peak === state.peak && restLevel === state.restLevel
				? state
				: { ...state, peak, restLevel, crossingSince: null };
		return { state: next, event: NONE };
	}
	const since = state.crossingSince ?? t;
	if (t - since < DWELL_SECONDS) {
		return { state: { ...state, peak, restLevel, crossingSince: since }, event: NONE };
	}
	if (!active) {
		if (!state.armed) {
			return {
				state: { ...state, armed: true, restSince: t, restLevel, crossingSince: null },
				event: NONE
			};
		}
		return {
			state: {
				...state,
				phase: 'active',
				activeSince: since,
				peak: value,
				repRest: restLevel,
				crossingSince: null
			},
			event: { kind: 'start' }
		};
	}
	const durationSeconds = since - state.activeSince;
	const excursion = Math.abs(peak - state.repRest);
	const next: RepState = {
		...state,
		phase: 'rest',
		restSince: t,
		peak: NaN,
		restLevel: value,
		repRest: NaN,
		crossingSince: null
	};
	if (durationSeconds < GLITCH_SECONDS) return { state: next, event: NONE };
	const kind = excursion >= Math.abs(spec.enter - spec.exit) ? 'complete' : 'shallow';
	return { state: next, event: { kind, durationSeconds, peak, excursion } };
}
