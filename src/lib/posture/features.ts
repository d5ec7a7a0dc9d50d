/**
 * The geometry of one frame that posture needs, in image pixels: where the head and the
 * shoulders are, how wide they look, where the hips are. Pure; the posture metrics
 * (./metrics.ts) turn these into numbers relative to the person's own calibration.
 *
 * Points average the confidently seen keypoints of both sides. From the side MoveNet often puts
 * the far ear or shoulder right beside the near one, or swaps their labels from frame to frame;
 * an average of what is seen moves smoothly through that, where "the nearer side" jumps.
 */
import {
	COCO_KEYPOINTS,
	KP,
	MIN_KEYPOINT_SCORE,
	type Body,
	type KeypointName
} from '../pose/keypoints';
import { RAD_TO_DEG } from '../geometry/vec';
import type { Pt } from './types';

export interface PostureFeatures {
	/** Frame size, px. */
	width: number;
	height: number;
	/** Ear midpoint (either ear alone from the side); eyes when no ear is seen; null: no head. */
	head: Pt | null;
	/** Both ears seen (the head point and width come from the ears). */
	bothEars: boolean;
	nose: Pt | null;
	/** Ear-to-ear distance, px (both ears seen), else null. */
	earWidth: number | null;
	/**
	 * Ear-to-ear distance corrected for the head turning left or right (see
	 * {@link NOSE_DEPTH_PER_EAR_WIDTH}), px: it stays about constant while the head turns and
	 * grows when the head comes closer to the camera.
	 */
	headWidth: number | null;
	/** Midpoint of the seen shoulders, px. */
	shoulder: Pt | null;
	/** Shoulder-to-shoulder distance (both seen, over 1 px), px. */
	shoulderWidth: number | null;
	/** The same, however small (side-on the two shoulders may coincide), or null. */
	shoulderSpread: number | null;
	/** Ear-to-ear horizontal distance however small, or null (not both seen). */
	earSpread: number | null;
	/** Midpoint of the seen hips, px. */
	hip: Pt | null;
	/** Head side tilt relative to the shoulder line, deg (+ left ear toward the left shoulder). */
	headTilt: number | null;
	/** Nose below the ear line in ear widths (+ chin down); front-facing heads only. */
	noseDrop: number | null;
	/** Nose offset from the ear midpoint in ear widths (+ toward image right), or null. */
	noseOffset: number | null;
	/** Image-x side the nose is on relative to the head point: +1 right, −1 left, 0 unknown. */
	noseSide: 1 | -1 | 0;
	/** Mean score of nose, ears and shoulders (missing count 0), 0..1. */
	headShoulderScore: number;
}

/**
 * How far the nose tip sits in front of the line between the ears, in ear-to-ear widths. When
 * the head turns by θ the ears' apparent distance shrinks to w·cos θ and the nose moves off
 * their midpoint by d·sin θ, so tan θ = (offset / apparent width) / (d / w). Anthropometric
 * tables give a head breadth (tragion to tragion) ≈ 14–15 cm and the nose tip ≈ 10–11 cm in
 * front of the tragi: d/w ≈ 0.7.
 */
export const NOSE_DEPTH_PER_EAR_WIDTH = 0.7;
/** Turns past this are not corrected further (cos 60° halves the width; noise takes over). */
const MAX_CORRECTED_TURN_RAD = (60 * Math.PI) / 180;

/**
 * A keypoint this close to the frame's bottom edge (share of the frame's height) belongs to a
 * body part the frame cuts: the model guesses where it would be. A shoulder keypoint marks the
 * joint's centre, about 0.1 shoulder widths inside the body's outline, and a laptop camera's
 * shoulders span 30–40 % of the frame: 0.1 shoulder widths ≈ 3 % of the frame. Only the bottom
 * edge: at a desk it is the one that cuts the body (shoulders while the person leans toward a
 * close camera, hips at the desk's edge); a head touching the top edge is still well placed
 * (its ears are inside), and a phone's portrait frame puts the shoulders at its sides.
 */
export const BOTTOM_EDGE_MARGIN = 0.03;

function seenAt(body: Body, name: KeypointName): Pt | null {
	const k = body.keypoints[KP[name]];
	if (!k || !Number.isFinite(k.x) || !Number.isFinite(k.y) || !Number.isFinite(k.score)) {
		return null;
	}
	if (k.score < MIN_KEYPOINT_SCORE) return null;
	if (body.height > 0 && k.y > body.height * (1 - BOTTOM_EDGE_MARGIN)) return null;
	// Outside the picture altogether: made up, however sure the model says it is (MoveNet puts a
	// shoulder cut off by a phone's portrait frame at x < 0 with a score of 0.5).
	if (body.width > 0 && (k.x < 0 || k.x > body.width || k.y < 0)) return null;
	return { x: k.x, y: k.y };
}

/** What work mode judges on, and so draws: the head and the shoulders. */
const JUDGED_POINTS: readonly KeypointName[] = [
	'nose',
	'left_eye',
	'right_eye',
	'left_ear',
	'right_ear',
	'left_shoulder',
	'right_shoulder'
];
const HIP_POINTS: readonly KeypointName[] = ['left_hip', 'right_hip'];

/**
 * The body as work mode sees it, for drawing: only the keypoints it judges on (the head, the
 * shoulders, and the hips only where the calibration used them: side-on with the hips in view)
 * and only where they count as seen (see `seenAt`: sure enough, inside the picture, clear of
 * its bottom edge). Everything else is dropped (score 0). At a desk the model puts the hips on
 * the desk's edge and joins them to the shoulders: drawn, that made a large "A" across the arms.
 */
export function judgedBody(body: Body, options: { hips: boolean }): Body {
	const keep = new Set<number>(
		[...JUDGED_POINTS, ...(options.hips ? HIP_POINTS : [])].map((n) => KP[n])
	);
	return {
		width: body.width,
		height: body.height,
		keypoints: body.keypoints.map((k, i) => {
			if (!k) return k;
			const name = COCO_KEYPOINTS[i];
			return keep.has(i) && name && seenAt(body, name) ? k : { ...k, score: 0 };
		})
	};
}

const mid = (a: Pt | null, b: Pt | null): Pt | null =>
	a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : (a ?? b);

const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);

/** Angle of the line a → b from horizontal, deg, + when the person's-left point is higher. */
function lineTilt(left: Pt, right: Pt): number {
	// y grows down: a higher left point has the smaller y.
	return Math.atan2(right.y - left.y, Math.max(Math.abs(left.x - right.x), 1e-6)) * RAD_TO_DEG;
}

const SCORE_POINTS: readonly KeypointName[] = [
	'nose',
	'left_ear',
	'right_ear',
	'left_shoulder',
	'right_shoulder'
];

/** The posture geometry of one body (see {@link PostureFeatures}). */
export function postureFeatures(body: Body): PostureFeatures {
	const le = seenAt(body, 'left_ear');
	const re = seenAt(body, 'right_ear');
	const lEye = seenAt(body, 'left_eye');
	const rEye = seenAt(body, 'right_eye');
	const nose = seenAt(body, 'nose');
	const ls = seenAt(body, 'left_shoulder');
	const rs = seenAt(body, 'right_shoulder');
	const hip = mid(seenAt(body, 'left_hip'), seenAt(body, 'right_hip'));

	const bothEars = le !== null && re !== null;
	const head = mid(le, re) ?? mid(lEye, rEye);
	const earWidth = le && re ? Math.abs(le.x - re.x) : null;
	const earOk = earWidth !== null && earWidth > 1;

	let headWidth: number | null = null;
	let noseOffset: number | null = null;
	let noseDrop: number | null = null;
	if (earOk && le && re) {
		const earMid = mid(le, re)!;
		if (nose) {
			noseOffset = (nose.x - earMid.x) / earWidth;
			noseDrop = (nose.y - earMid.y) / earWidth;
			const turn = Math.min(
				MAX_CORRECTED_TURN_RAD,
				Math.atan(Math.abs(noseOffset) / NOSE_DEPTH_PER_EAR_WIDTH)
			);
			headWidth = earWidth / Math.cos(turn);
		} else {
			headWidth = earWidth;
		}
	}

	const shoulderWidth = ls && rs ? dist(ls, rs) : null;
	// Ear line against the shoulder line (eyes when an ear is missing): both sides needed.
	const headL = le && re ? le : lEye && rEye ? lEye : null;
	const headR = le && re ? re : lEye && rEye ? rEye : null;
	const headTilt = headL && headR && ls && rs ? lineTilt(headL, headR) - lineTilt(ls, rs) : null;

	let noseSide: 1 | -1 | 0 = 0;
	if (nose && head && Math.abs(nose.x - head.x) > 1) noseSide = nose.x > head.x ? 1 : -1;

	let score = 0;
	for (const n of SCORE_POINTS) {
		const k = body.keypoints[KP[n]];
		score += k && Number.isFinite(k.score) ? k.score : 0;
	}

	return {
		width: body.width,
		height: body.height,
		head,
		bothEars,
		nose,
		earWidth: earOk ? earWidth : null,
		headWidth,
		shoulder: mid(ls, rs),
		shoulderWidth: shoulderWidth !== null && shoulderWidth > 1 ? shoulderWidth : null,
		shoulderSpread: shoulderWidth,
		earSpread: le && re ? Math.abs(le.x - re.x) : null,
		hip,
		headTilt: headTilt !== null && Number.isFinite(headTilt) ? headTilt : null,
		noseDrop,
		noseOffset,
		noseSide,
		headShoulderScore: score / SCORE_POINTS.length
	};
}

/**
 * Whether a frame looks front-on. Facing the camera, the shoulders are much wider than the
 * neck is long (≈ 2×) and the nose sits between the ears; side-on the shoulders overlap (MoveNet
 * puts the far one right beside the near one, or drops it) and the nose sticks out past the
 * ears. When those disagree (a turned head, a guessed far ear) only a clear torso decides:
 * shoulder width against torso length, ≈ 0.75 facing the camera, ≤ 0.3 side-on (see
 * metrics/view.ts). Null when it cannot be told.
 */
export function looksFrontOn(f: PostureFeatures): boolean | null {
	const neck = f.head && f.shoulder ? f.shoulder.y - f.head.y : 0;
	const ratio = f.shoulderSpread !== null && neck > 1 ? f.shoulderSpread / neck : null;
	let noseBetween: boolean | null = null;
	if (f.nose && f.head) {
		const off = Math.abs(f.nose.x - f.head.x);
		const e = f.earSpread ?? 0;
		if (e >= 2 && off < 0.45 * e) noseBetween = true;
		else if (off > 0.6 * Math.max(e, 2)) noseBetween = false;
	}
	if (ratio === null) {
		// One shoulder seen: side-on when the nose sticks out past the ears. No shoulders at all
		// (a laptop camera close to the face cuts them off): both ears with the nose between
		// them is a face turned to the camera.
		if (noseBetween === false && f.shoulder) return false;
		return noseBetween === true && f.bothEars && !f.shoulder ? true : null;
	}
	if (ratio >= 1.2 && noseBetween !== false) return true;
	if (ratio <= 0.6 && noseBetween !== true) return false;
	if (f.hip && f.shoulder && f.shoulderSpread !== null) {
		const torso = dist(f.hip, f.shoulder);
		if (torso > 1) {
			const r = f.shoulderSpread / torso;
			if (r >= 0.6) return true;
			if (r <= 0.3) return false;
		}
	}
	return null;
}
