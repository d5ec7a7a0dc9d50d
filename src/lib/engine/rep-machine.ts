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
	/** Session time (s) the signal first crossed toward the other phase, or null. */
	crossingSince: number | null;
}

export type RepTransition =
	| { kind: 'none' }
	| { kind: 'start' }
	| { kind: 'complete'; durationSeconds: number; peak: number };

export const INITIAL_REP_STATE: RepState = {
	phase: 'rest',
	armed: false,
	activeSince: 0,
	restSince: 0,
	peak: NaN,
	crossingSince: null
};

/** Faster than this (s) is a glitch (a lost and refound keypoint), not a human rep. */
export const GLITCH_SECONDS = 0.15;
/** A crossing must last this long (s; ≈ 3–4 frames at 30 fps, 2 at 15 fps) to change phase. */
export const DWELL_SECONDS = 0.1;

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
	const crossing = state.phase === 'rest' ? (state.armed ? pastEnter : pastExit) : pastExit;
	const peak =
		state.phase === 'active'
			? up
				? Math.max(state.peak, value)
				: Math.min(state.peak, value)
			: state.peak;

	if (!crossing) {
		const next =
			state.crossingSince === null && peak === state.peak
				? state
				: { ...state, peak, crossingSince: null };
		return { state: next, event: NONE };
	}
	const since = state.crossingSince ?? t;
	if (t - since < DWELL_SECONDS) {
		return { state: { ...state, peak, crossingSince: since }, event: NONE };
	}

	if (state.phase === 'rest') {
		if (!state.armed)
			return { state: { ...state, armed: true, restSince: t, crossingSince: null }, event: NONE };
		return {
			state: { ...state, phase: 'active', activeSince: since, peak: value, crossingSince: null },
			event: { kind: 'start' }
		};
	}
	const durationSeconds = since - state.activeSince;
	const next: RepState = { ...state, phase: 'rest', restSince: t, peak: NaN, crossingSince: null };
	if (durationSeconds < GLITCH_SECONDS) return { state: next, event: NONE };
	return { state: next, event: { kind: 'complete', durationSeconds, peak } };
}
