/**
 * Which way the person stands to the camera: front (facing it) or side (one shoulder toward it).
 * Pure geometry on one body; the engine adds persistence over time.
 */
import { distance, midOrEither, midpoint, type Point } from '../geometry/vec';
import { KP, seen, trunkPoints, type Body, type KeypointName } from '../pose/keypoints';

export type DetectedView = 'front' | 'side' | 'unknown';

export interface ViewReading {
	view: DetectedView;
	/** In a side view, the body side nearer the camera (its keypoints are seen better). */
	nearSide: 'left' | 'right' | null;
	/** Image-x direction the person faces in a side view: +1 image right, −1 image left. */
	facing: 1 | -1;
	/** Shoulder width / torso length (front ≈ 0.6–0.9, side ≈ 0–0.3), or null. */
	widthRatio: number | null;
}

/**
 * Front when the shoulders are at least this wide relative to the torso (a front-facing adult
 * gives ≈ 0.75; a three-quarter view ≈ 0.5). Below SIDE_MAX it is a side view; in between the
 * person is turned part way, which judges neither view honestly.
 */
export const FRONT_MIN_RATIO = 0.5;
export const SIDE_MAX_RATIO = 0.3;
/**
 * The side-view limit for a body on the floor (lying, kneeling folded, on hands and knees).
 * Reaching the arms forward on the floor rolls the shoulder girdle a little toward the camera,
 * and a folded trunk (child's pose) is short in the image: side-on such bodies read up to ≈ 0.4.
 * Facing the camera the lying or kneeling trunk is foreshortened instead, so the ratio only grows
 * (≥ 1): a higher side limit cannot take a front view for a side one.
 */
export const SIDE_MAX_RATIO_FLOOR = 0.45;

const score = (b: Body, n: KeypointName): number => {
	const v = b.keypoints[KP[n]]?.score;
	return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** Keypoints whose confidence tells which side is nearer the camera. */
const SIDE_POINTS: Readonly<Record<'left' | 'right', readonly KeypointName[]>> = {
	left: ['left_shoulder', 'left_hip', 'left_ear', 'left_elbow'],
	right: ['right_shoulder', 'right_hip', 'right_ear', 'right_elbow']
};

function sideScore(body: Body, side: 'left' | 'right'): number {
	let sum = 0;
	for (const n of SIDE_POINTS[side]) sum += score(body, n);
	return sum;
}

/**
 * `across`: measure the shoulder line across the picture only (its image-x extent), for a body
 * on the floor. Side-on, a kneeling or lying trunk twisted about its long axis (thread the
 * needle: one shoulder down on the mat, the other above it) stacks the shoulders one over the
 * other, ≈ 0.55 torso lengths apart for a 45° turn, which the full distance would take for a
 * front view; across the picture they stay ≈ 0.15 apart. Facing a body on the floor (the camera
 * at the head or the feet) its shoulder line runs across the picture, so that reading is
 * unchanged.
 */
export function detectView(
	body: Body,
	sideMax: number = SIDE_MAX_RATIO,
	across = false
): ViewReading {
	const nearSide: 'left' | 'right' =
		sideScore(body, 'left') >= sideScore(body, 'right') ? 'left' : 'right';

	const { ls, rs, lh, rh, le, re, nose } = trunkPoints(body);

	const shoulderMid = midOrEither(ls, rs);
	const earRef = midOrEither(le, re);
	// The nose and the eyes are all ahead of the ears: three votes (their mean offset) are
	// steadier than the nose alone under keypoint wander.
	const lEye = seen(body, 'left_eye');
	const rEye = seen(body, 'right_eye');
	let ahead = 0;
	if (earRef) for (const k of [nose, lEye, rEye]) if (k) ahead += k.x - earRef.x;
	const facing: 1 | -1 =
		earRef && (nose || lEye || rEye)
			? ahead >= 0
				? 1
				: -1
			: nose && shoulderMid && nose.x < shoulderMid.x
				? -1
				: 1;

	let widthRatio: number | null = null;
	let view: DetectedView = 'unknown';
	const hipMid = midOrEither(lh, rh);
	if (shoulderMid && hipMid) {
		const torso = distance(shoulderMid, hipMid);
		const width = ls && rs ? (across ? Math.abs(ls.x - rs.x) : distance(ls, rs)) : 0;
		if (torso > 1) {
			widthRatio = width / torso;
			view = widthRatio >= FRONT_MIN_RATIO ? 'front' : widthRatio <= sideMax ? 'side' : 'unknown';
		}
	} else if (ls && rs && (le || re)) {
		// Hips out of frame (seated at a desk, a head-and-shoulders close-up).
		view = viewWithoutHips(ls, rs, le, re);
	} else if ((ls || rs) && (le || re) && nose && !(ls && rs && le && re)) {
		// One shoulder and one ear confidently seen, the other side hidden: a side view.
		view = 'side';
	}
	return { view, nearSide: view === 'side' ? nearSide : null, facing, widthRatio };
}

/**
 * Hips out of frame: the shoulder line against the height from the shoulders to the ears, which
 * turning the body does not change (and turning the head neither: the ears' own spacing does).
 * Facing the camera the shoulder line is 1.7–2.7 times that height (a shrug raises the ratio),
 * side-on under half of it. Between the two the person is turned part way.
 */
const FRONT_NECK_RATIO = 1.2;
const SIDE_NECK_RATIO = 0.8;

function viewWithoutHips(ls: Point, rs: Point, le: Point | null, re: Point | null): DetectedView {
	const shoulder = midpoint(ls, rs);
	const ear = midOrEither(le, re)!;
	const neck = shoulder.y - ear.y;
	if (!(neck > 1)) return 'unknown';
	const width = distance(ls, rs);
	return width >= FRONT_NECK_RATIO * neck
		? 'front'
		: width < SIDE_NECK_RATIO * neck
			? 'side'
			: 'unknown';
}
