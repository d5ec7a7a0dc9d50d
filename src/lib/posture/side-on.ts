/**
 * A person seen side-on although the calibration was made facing the camera (they turned their
 * chair toward a second screen, or sat down sideways): no calibrated reading compares, but the
 * side view shows the two angles that matter directly, and ergonomics gives limits for them
 * that hold for everyone, generous enough to need no calibration:
 * - trunk flexion (hip → shoulder from vertical): RULA scores a trunk flexed past 20° as bent
 *   (McAtamney & Corlett 1993, the 0–20° and 20–60° bands); upright sitters lean back or sit
 *   within a few degrees (the development set's side clips: −23° to +10°, keypoint noise
 *   included); the slumps there reach 45–60°.
 * - the shoulder → ear line from vertical: ISO 11226 advises against a head inclined past 25°
 *   for long; the keypoint line runs ≈ 10–20° ahead of the head's own axis in upright sitters
 *   (the same clips: ≤ 22°), so 40° is a head well forward, and a slump reaches 80–90°.
 * Pure; the engine uses it only where the calibrated view does not apply.
 */
import type { PostureFeatures } from './features';
import { tiltFromVertical } from '../geometry/vec';

/** Trunk flexion past this, deg: bent forward (RULA's 20° band). */
export const SIDE_ON_TRUNK_FLEXION_DEG = 20;
/** Shoulder → ear line past this from vertical, deg: the head well forward (see above). */
export const SIDE_ON_NECK_DEG = 40;

export interface SideOnVerdict {
	slouched: boolean;
	/** The worse of the two angles against its limit (≥ 1: past it). */
	ratio: number;
	/** Trunk flexion, deg (null: hips not seen), and the shoulder → ear angle, deg. */
	trunkDeg: number | null;
	neckDeg: number;
}

/**
 * Posture from a side-on frame without a side calibration, or null when the head, the shoulders
 * and the way the person faces cannot all be seen.
 */
export function judgeSideOn(f: PostureFeatures, knownFacing?: 1 | -1): SideOnVerdict | null {
	// The nose points the way the person faces: forward is that way in the image. With the head
	// bowed far down the nose sits under the ears and its side flips from frame to frame, so the
	// caller passes the facing seen while the head was up, when it has one.
	const facing = knownFacing ?? f.noseSide;
	if (!f.head || !f.shoulder || facing === 0) return null;
	const neck = tiltFromVertical(f.shoulder, f.head);
	if (Number.isNaN(neck)) return null;
	const neckDeg = neck * facing;
	const trunk = f.hip ? tiltFromVertical(f.hip, f.shoulder) : NaN;
	const trunkDeg = Number.isNaN(trunk) ? null : trunk * facing;
	const ratio = Math.max(
		neckDeg / SIDE_ON_NECK_DEG,
		trunkDeg === null ? -Infinity : trunkDeg / SIDE_ON_TRUNK_FLEXION_DEG
	);
	return { slouched: ratio >= 1, ratio, trunkDeg, neckDeg };
}

/**
 * The way a side-on person faces, when this frame shows it clearly: the nose ahead of the ears
 * with the shoulder → ear line within the upright range (a bowed head hides the nose's side).
 */
export function clearFacing(f: PostureFeatures): 1 | -1 | null {
	if (!f.head || !f.shoulder || f.noseSide === 0) return null;
	const neck = tiltFromVertical(f.shoulder, f.head);
	if (Number.isNaN(neck) || Math.abs(neck) >= SIDE_ON_NECK_DEG) return null;
	return f.noseSide;
}
