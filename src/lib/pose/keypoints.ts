/**
 * Keypoint names and the canonical body model the rest of Scapula works on.
 *
 * MoveNet gives the 17 COCO keypoints; BlazePose gives 33. Every name in the 17 COCO set also
 * exists in BlazePose, so the canonical body is the COCO 17 and any pose is mapped into it
 * **by name, never by index** (see docs: pose-trace format).
 */

/** The 17 COCO keypoint names, in MoveNet's order (the names of pose-detection). */
export const COCO_KEYPOINTS = [
	'nose',
	'left_eye',
	'right_eye',
	'left_ear',
	'right_ear',
	'left_shoulder',
	'right_shoulder',
	'left_elbow',
	'right_elbow',
	'left_wrist',
	'right_wrist',
	'left_hip',
	'right_hip',
	'left_knee',
	'right_knee',
	'left_ankle',
	'right_ankle'
] as const;

/** The 33 BlazePose keypoint names, in BlazePose's order. */
export const BLAZEPOSE_KEYPOINTS = [
	'nose',
	'left_eye_inner',
	'left_eye',
	'left_eye_outer',
	'right_eye_inner',
	'right_eye',
	'right_eye_outer',
	'left_ear',
	'right_ear',
	'mouth_left',
	'mouth_right',
	'left_shoulder',
	'right_shoulder',
	'left_elbow',
	'right_elbow',
	'left_wrist',
	'right_wrist',
	'left_pinky',
	'right_pinky',
	'left_index',
	'right_index',
	'left_thumb',
	'right_thumb',
	'left_hip',
	'right_hip',
	'left_knee',
	'right_knee',
	'left_ankle',
	'right_ankle',
	'left_heel',
	'right_heel',
	'left_foot_index',
	'right_foot_index'
] as const;

export type KeypointName = (typeof COCO_KEYPOINTS)[number];

/** Index of each canonical keypoint in a {@link Body}'s array. */
export const KP: Readonly<Record<KeypointName, number>> = Object.freeze(
	Object.fromEntries(COCO_KEYPOINTS.map((n, i) => [n, i])) as Record<KeypointName, number>
);

/** Skeleton edges for drawing, as pairs of canonical names. */
export const SKELETON: ReadonlyArray<readonly [KeypointName, KeypointName]> = [
	['left_ear', 'left_eye'],
	['left_eye', 'nose'],
	['nose', 'right_eye'],
	['right_eye', 'right_ear'],
	['left_shoulder', 'right_shoulder'],
	['left_shoulder', 'left_elbow'],
	['left_elbow', 'left_wrist'],
	['right_shoulder', 'right_elbow'],
	['right_elbow', 'right_wrist'],
	['left_shoulder', 'left_hip'],
	['right_shoulder', 'right_hip'],
	['left_hip', 'right_hip'],
	['left_hip', 'left_knee'],
	['left_knee', 'left_ankle'],
	['right_hip', 'right_knee'],
	['right_knee', 'right_ankle']
];

/** One keypoint in image pixels (origin top-left, y down) with the model's score in 0..1. */
export interface Keypoint {
	x: number;
	y: number;
	score: number;
}

/**
 * One person's canonical 17 keypoints, indexed by {@link KP}. A keypoint the model did not
 * give is `null`. Coordinates are pixels of a frame of `width` × `height`.
 */
export interface Body {
	keypoints: ReadonlyArray<Keypoint | null>;
	width: number;
	height: number;
}

/** A body observed at time `t` (seconds since the session start); `body` null: no person. */
export interface PoseFrame {
	t: number;
	body: Body | null;
}

/** Below this score a keypoint is treated as not seen. MoveNet's own demo uses 0.3. */
export const MIN_KEYPOINT_SCORE = 0.3;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A keypoint if present, finite, confident enough and inside the picture; otherwise null. A
 * point outside the frame is the model's guess at a part it cannot see (BlazePose places hips
 * under the frame's edge of a head-and-shoulders close-up with scores near 1): no use to judge by.
 */
export function seen(
	body: Body,
	name: KeypointName,
	minScore = MIN_KEYPOINT_SCORE
): Keypoint | null {
	const k = body.keypoints[KP[name]];
	if (!k || !isFiniteNumber(k.x) || !isFiniteNumber(k.y) || !isFiniteNumber(k.score)) return null;
	if (k.score < minScore) return null;
	const { width: w, height: h } = body;
	if (w > 0 && h > 0 && (k.x < 0 || k.y < 0 || k.x > w || k.y > h)) return null;
	return k;
}

/** The points the view and the body metrics start from: shoulders, hips, ears and nose. */
export interface TrunkPoints {
	ls: Keypoint | null;
	rs: Keypoint | null;
	lh: Keypoint | null;
	rh: Keypoint | null;
	le: Keypoint | null;
	re: Keypoint | null;
	nose: Keypoint | null;
}

/** Each of the {@link TrunkPoints} if {@link seen}, else null. */
export function trunkPoints(body: Body): TrunkPoints {
	return {
		ls: seen(body, 'left_shoulder'),
		rs: seen(body, 'right_shoulder'),
		lh: seen(body, 'left_hip'),
		rh: seen(body, 'right_hip'),
		le: seen(body, 'left_ear'),
		re: seen(body, 'right_ear'),
		nose: seen(body, 'nose')
	};
}

/** Input shape of pose-detection's `Pose.keypoints`: named points, score optional. */
export interface NamedKeypoint {
	x: number;
	y: number;
	score?: number;
	name?: string;
}

/**
 * Maps named keypoints (MoveNet 17 or BlazePose 33, or any subset) to the canonical body by
 * name. Unknown names are ignored; missing or non-finite ones become null. When names are
 * absent, `names` gives them by position (as a pose trace's `keypointNames` does).
 */
export function toBody(
	points: ReadonlyArray<NamedKeypoint | null>,
	width: number,
	height: number,
	names?: ReadonlyArray<string>
): Body {
	const keypoints: Array<Keypoint | null> = new Array(COCO_KEYPOINTS.length).fill(null);
	points.forEach((p, i) => {
		if (!p) return;
		const name = p.name ?? names?.[i];
		if (name === undefined || !(name in KP)) return;
		const score = p.score ?? 1;
		if (!isFiniteNumber(p.x) || !isFiniteNumber(p.y) || !isFiniteNumber(score)) return;
		keypoints[KP[name as KeypointName]] = {
			x: p.x,
			y: p.y,
			score: Math.min(1, Math.max(0, score))
		};
	});
	return { keypoints, width, height };
}

/** Mean score of the given keypoints (missing ones count 0): a pose-level confidence. */
export function meanScore(body: Body, names: ReadonlyArray<KeypointName> = COCO_KEYPOINTS): number {
	if (names.length === 0) return 0;
	let sum = 0;
	for (const n of names) {
		const k = body.keypoints[KP[n]];
		sum += k && isFiniteNumber(k.score) ? k.score : 0;
	}
	return sum / names.length;
}
