/**
 * Words shared by the posture engine (pure: no DOM, no Svelte; runs in Node tests, the
 * command-line analyser and the live page alike).
 */

/**
 * What the monitor says about the person right now:
 * - `upright`: sitting as in the calibration (within the sensitivity's limits);
 * - `slouched`: some posture metric is past its limit;
 * - `away`: nobody in view (never counts as slouching; the break timer sees it as a break);
 * - `unknown`: a person is there but the model is unsure of the head and shoulders, or the
 *   setup seems to have changed since the calibration (the camera moved, a new distance);
 * - `not-in-position`: a person is there but not sitting as calibrated: stood up, turned away
 *   from the camera, or turned side-on after a front calibration (and the other way round).
 */
export type PostureStatus = 'upright' | 'slouched' | 'away' | 'unknown' | 'not-in-position';

export const POSTURE_STATUSES: readonly PostureStatus[] = [
	'upright',
	'slouched',
	'away',
	'unknown',
	'not-in-position'
];

/**
 * The four states the history stores and the analyser reports: a status with `not-in-position`
 * folded into `unknown` (neither is judged).
 */
export type PostureState = Exclude<PostureStatus, 'not-in-position'>;

export const POSTURE_STATES: readonly PostureState[] = ['upright', 'slouched', 'away', 'unknown'];

/** A status in the four-state vocabulary: not in position is "not judged", like unknown. */
export function toPostureState(status: PostureStatus): PostureState {
	return status === 'not-in-position' ? 'unknown' : status;
}

/** What the live monitor is doing (src/lib/posture/browser/monitor.svelte.ts). */
export type MonitorPhase =
	'idle' | 'starting' | 'needs-calibration' | 'calibrating' | 'monitoring' | 'paused' | 'error';

/** Where the camera looks from: the front (a laptop webcam) or the person's side. */
export type PostureView = 'front' | 'side';

/** How far from the calibration counts as slouched (see `SENSITIVITY_SCALE`). */
export type Sensitivity = 'gentle' | 'normal' | 'strict';

export const SENSITIVITIES: readonly Sensitivity[] = ['gentle', 'normal', 'strict'];

/** A point in image pixels (origin top-left, y down). */
export interface Pt {
	x: number;
	y: number;
}
