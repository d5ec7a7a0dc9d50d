/**
 * The time between two frames as the engine credits it to holds, timers and rules: never
 * negative, and never more than `MAX_STEP_SECONDS`, so a stalled camera or a gap in a recording
 * does not add seconds. Pure.
 */

/** Largest time step (s) credited between two frames. */
export const MAX_STEP_SECONDS = 0.25;

/** Seconds from `from` to `to`, clamped to [0, MAX_STEP_SECONDS]; 0 for the first frame (`from` null). */
export function creditedStep(from: number | null, to: number): number {
	return from === null ? 0 : Math.min(Math.max(to - from, 0), MAX_STEP_SECONDS);
}
