/**
 * What drove a slouch: the head (forward head: the head brought forward or dropped) or the
 * shoulders (rounded shoulders: the shoulders and upper back coming forward, down or up toward
 * the ears). The day's split chooses the routine the home page suggests (report/suggest.ts):
 * neck and thoracic moves for the head, squeezes, rows and the doorway stretch for the shoulders.
 *
 * Read from the same checks the verdict was made on (./metrics.ts), each as a share of its own
 * limit so that degrees, shoulder widths and ratios compare. Pure, and it never changes a
 * verdict: it only names a cause for one the engine already made.
 *
 * From the front the camera mixes the two, so the readings are taken apart first:
 * - head evidence: the face growing against the shoulders (the head came toward the camera) with
 *   any narrowing of the shoulders taken out, the chin dropping, the head sinking further than
 *   the shoulders did, the neck shortening by the head sinking;
 * - shoulder evidence: the shoulders narrowing (rounding forward brings them toward the
 *   midline) or widening (the trunk leaning toward the screen: the front view's trunk lean),
 *   rising toward the ears (neck shortening by the shoulders), sinking (the upper back rounds
 *   and the trunk comes down).
 * From the side: the ear ahead of the shoulder and the neck's lean (head) against the trunk's
 * lean and the back's rounding (shoulders). A head that is only lower (from the side) or tilted
 * names neither: those say nothing of forward or rounded.
 */
import type { MetricCheck, PostureMetricId } from './metrics';

export type SlouchCause = 'forward-head' | 'rounded-shoulders';

export const SLOUCH_CAUSES: readonly SlouchCause[] = ['forward-head', 'rounded-shoulders'];

/**
 * The winning side's evidence must reach this share of a limit to name a cause: half a limit is
 * above the keypoint noise (≈ a third of a limit), as for the trunk backing a head change
 * (engine.ts TRUNK_SUPPORT_SHARE). Under it the slouch is put down to neither.
 */
export const MIN_CAUSE_SHARE = 0.5;

export interface CauseEvidence {
	/** Strongest head evidence, in shares of a limit (0: none). */
	head: number;
	/** Strongest shoulder evidence, in shares of a limit (0: none). */
	shoulders: number;
}

/** Side-view checks that speak for one cause (side `headDrop` speaks for neither). */
const SIDE_HEAD: ReadonlySet<PostureMetricId> = new Set(['neckAngle', 'headAhead']);
const SIDE_SHOULDERS: ReadonlySet<PostureMetricId> = new Set(['trunkLean', 'slump']);

/**
 * How strongly the checks speak for each cause. Checks excused by a glance or a recline count
 * for nothing (they did not make the verdict); support-only checks (shoulder drop) do count.
 */
export function causeEvidence(checks: readonly MetricCheck[]): CauseEvidence {
	const usable = checks.filter((c) => !c.excused || c.excuse === undefined);
	const get = (id: PostureMetricId) => usable.find((c) => c.id === id);
	const head: number[] = [0];
	const shoulders: number[] = [0];
	const side = usable.some((c) => SIDE_HEAD.has(c.id) || SIDE_SHOULDERS.has(c.id));
	if (side) {
		for (const c of usable) {
			if (SIDE_HEAD.has(c.id)) head.push(c.ratio);
			if (SIDE_SHOULDERS.has(c.id)) shoulders.push(c.ratio);
		}
		return { head: Math.max(...head), shoulders: Math.max(...shoulders) };
	}

	// Shoulder width against the calibration's: 1 + lean-in's `worse` (a ratio; < 1 narrower).
	const leanIn = get('leanIn');
	const width = leanIn ? 1 + leanIn.worse : 1;
	// Wider: the trunk came toward the screen, the front view's trunk lean.
	if (leanIn) shoulders.push(leanIn.ratio);
	const headForward = get('headForward');
	if (headForward) {
		// Head over shoulder width grew by (1 + worse); a narrowing by `width` < 1 explains 1/width
		// of it. What is left is the head's own growth (it came toward the camera).
		const own = (1 + headForward.worse) * Math.min(1, width) - 1;
		head.push(own / headForward.limit);
		if (width < 1) shoulders.push((1 / width - 1) / headForward.limit);
	}
	const chin = get('chinDown');
	if (chin) head.push(chin.ratio);

	// Shoulder midpoint lower than calibrated, in calibration shoulder widths (− : higher).
	const shoulderDrop = get('shoulderDrop');
	const sunk = shoulderDrop?.worse ?? 0;
	if (shoulderDrop) shoulders.push(shoulderDrop.ratio);
	const headDrop = get('headDrop');
	if (headDrop) head.push((headDrop.worse - Math.max(0, sunk)) / headDrop.limit);
	const neck = get('neckShorten');
	if (neck && shoulderDrop) {
		// The ear–shoulder gap closed by `neck.worse` (shoulder widths): the shoulders rising
		// explain up to `-sunk` of it, the head sinking the rest.
		const rise = Math.max(0, -sunk);
		shoulders.push(Math.min(neck.worse, rise) / neck.limit);
		head.push((neck.worse - rise) / neck.limit);
	}
	return { head: Math.max(...head), shoulders: Math.max(...shoulders) };
}

/** The cause of a slouch judged on these checks, or null when neither side is clear. */
export function slouchCause(checks: readonly MetricCheck[]): SlouchCause | null {
	return causeFrom(causeEvidence(checks));
}

/** The cause the evidence names: the stronger side, if it reaches `MIN_CAUSE_SHARE`. */
export function causeFrom(e: CauseEvidence): SlouchCause | null {
	const best = Math.max(e.head, e.shoulders);
	if (!(best >= MIN_CAUSE_SHARE)) return null;
	// Equal evidence (rare with real numbers) goes to the head, listed first.
	return e.head >= e.shoulders ? 'forward-head' : 'rounded-shoulders';
}
