/**
 * Rep phases as a pure state machine with hysteresis (like ML Kit's RepetitionCounter): a rep
 * starts when the signal passes `enter` and completes only when it comes back past `exit`, so
 * jitter between the two thresholds never counts. A rep also needs the full range: the machine
 * is "armed" only after the signal has been seen at rest (past `exit`), so someone who starts in
 * the active position, or walks in mid-move, is not credited with a rep.
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
	peak: NaN
};

/** Faster than this (s) is a glitch (a lost and refound keypoint), not a human rep. */
export const GLITCH_SECONDS = 0.3;

export function repTransition(
	spec: RepSpec,
	state: RepState,
	value: number | null,
	t: number
): { state: RepState; event: RepTransition } {
	if (value === null || !Number.isFinite(value)) return { state, event: { kind: 'none' } };
	const up = spec.direction === 'up';
	const pastEnter = up ? value > spec.enter : value < spec.enter;
	const pastExit = up ? value < spec.exit : value > spec.exit;

	if (state.phase === 'rest') {
		if (!state.armed) {
			return pastExit
				? { state: { ...state, armed: true, restSince: t }, event: { kind: 'none' } }
				: { state, event: { kind: 'none' } };
		}
		if (pastEnter) {
			return {
				state: { ...state, phase: 'active', activeSince: t, peak: value },
				event: { kind: 'start' }
			};
		}
		return { state, event: { kind: 'none' } };
	}

	const peak = up ? Math.max(state.peak, value) : Math.min(state.peak, value);
	if (pastExit) {
		const durationSeconds = t - state.activeSince;
		const next: RepState = { ...state, phase: 'rest', restSince: t, peak: NaN };
		if (durationSeconds < GLITCH_SECONDS) return { state: next, event: { kind: 'none' } };
		return { state: next, event: { kind: 'complete', durationSeconds, peak } };
	}
	return { state: peak === state.peak ? state : { ...state, peak }, event: { kind: 'none' } };
}
