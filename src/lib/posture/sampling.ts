/**
 * Adaptive sampling: how long to wait before the next camera frame goes through the model.
 * Posture changes over minutes and the nudge waits 30 s anyway, so 1–2 frames a second is
 * plenty, and fewer while nothing happens: each frame costs a model run (30–60 ms of one core
 * on the processor backend, measured by bench/posture-cpu.ts), so these waits set the
 * monitor's CPU share. A steady upright sitter is checked every 2.5 s; the first check that
 * sees a change goes back to 2 a second until the change settles, which adds at most 2.5 s to
 * a nudge that waits 30 s anyway.
 */
import type { PostureStatus } from './types';

export interface SamplingPolicy {
	/** While calibrating or a status change is under way (2 frames a second). */
	fastMs: number;
	/** The usual pace (1 a second). */
	normalMs: number;
	/** Upright and steady for a while, or nobody there (1 every 2.5 s). */
	slowMs: number;
	/** Seconds in the same status (and far from any limit) before slowing down. */
	stableAfterSeconds: number;
	/** The worst metric above this share of its limit is "close": keep the usual pace. */
	nearLimitShare: number;
}

export const DEFAULT_SAMPLING: SamplingPolicy = {
	fastMs: 500,
	normalMs: 1000,
	slowMs: 2500,
	stableAfterSeconds: 20,
	nearLimitShare: 0.7
};

export interface SamplingInput {
	calibrating: boolean;
	/** The settled status, null before the first frame. */
	status: PostureStatus | null;
	/** A status change is under way (confirm it quickly). */
	pending: boolean;
	/** The worst metric's share of its limit, or null. */
	severity: number | null;
	/** Seconds the settled status has lasted. */
	stableSeconds: number;
}

/** Milliseconds to wait before the next sample. */
export function nextSampleDelay(
	input: SamplingInput,
	policy: SamplingPolicy = DEFAULT_SAMPLING
): number {
	if (input.calibrating || input.pending || input.status === null) return policy.fastMs;
	if (input.status === 'away' || input.status === 'not-in-position') {
		// Someone coming back is noticed within the slow wait; nothing to judge meanwhile.
		return input.stableSeconds >= policy.stableAfterSeconds / 4 ? policy.slowMs : policy.normalMs;
	}
	if (
		input.status === 'upright' &&
		input.stableSeconds >= policy.stableAfterSeconds &&
		(input.severity === null || input.severity < policy.nearLimitShare)
	) {
		return policy.slowMs;
	}
	return policy.normalMs;
}
