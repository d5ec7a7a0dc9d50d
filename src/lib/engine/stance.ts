/**
 * How a body holds its trunk, for telling standing and sitting moves from floor moves: the
 * trunk's rise from horizontal and how high the hips sit above the ankles.
 */
import { distance, midOrEither, tiltFromHorizontal, type Point } from '../geometry/vec';
import { seen, type Body } from '../pose/keypoints';

/**
 * Hips at least this many trunk lengths above the ankles: up on the legs (standing ≈ 1.7–1.9);
 * under it, on the floor: on hands and knees a thigh's length up (≈ 0.85–1.1), lying or folded
 * back on the heels ≈ 0–0.5. Sitting on a chair (≈ 0.9) reads low too; its trunk is upright.
 */
export const HIPS_UP_TRUNK_LENGTHS = 1.3;

export interface Stance {
	/** The hip → shoulder line's rise from the image horizontal, deg (0 level, 90 upright). */
	riseDeg: number;
	/** Hips above the ankles, trunk lengths. */
	hipHeight: number;
}

/** The stance of a body whose hip and shoulder centres are known; null without the ankles. */
export function stanceOf(body: Body, hip: Point, shoulder: Point): Stance | null {
	const ankle = midOrEither(seen(body, 'left_ankle'), seen(body, 'right_ankle'));
	if (!ankle) return null;
	const torso = distance(hip, shoulder);
	if (!(torso > 1)) return null;
	return {
		riseDeg: Math.abs(tiltFromHorizontal(hip, shoulder)),
		hipHeight: (ankle.y - hip.y) / torso
	};
}
