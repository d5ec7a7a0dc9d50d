/**
 * Which person to coach when a frame holds several: keep following the one we followed, else
 * take the most prominent. Pure functions over canonical bodies; no DOM, no tfjs.
 */
import { MIN_KEYPOINT_SCORE, type Body } from './keypoints';

/** An axis-aligned box in frame fractions (0..1 of width and height; y down). */
export interface Box {
	xMin: number;
	yMin: number;
	xMax: number;
	yMax: number;
}

/**
 * Least overlap (intersection over union) with the previous person's box for a body to count
 * as the same person. Between frames 33–100 ms apart (10–30 fps) a person doing these slow
 * exercises keeps most of their box, while a neighbour beside them overlaps little. 0.3 still
 * holds across a dropped frame or keypoints flickering in and out of the box, and is twice the
 * 0.15 that pose-detection's own bounding-box tracker (MoveNet multi-pose) accepts, because we
 * prefer switching to the largest person over clinging to a doubtful match.
 */
export const MIN_TRACK_IOU = 0.3;

/** A box needs at least two confident keypoints to have an extent. */
const MIN_BOX_KEYPOINTS = 2;

/**
 * The box around a body's confident keypoints (score ≥ `minScore`), in frame fractions so
 * bodies from frames of different sizes compare. Null with fewer than two such keypoints.
 */
export function bodyBox(body: Body, minScore = MIN_KEYPOINT_SCORE): Box | null {
	if (!(body.width > 0 && body.height > 0)) return null;
	let n = 0;
	let xMin = Infinity;
	let yMin = Infinity;
	let xMax = -Infinity;
	let yMax = -Infinity;
	for (const k of body.keypoints) {
		if (!k || !(k.score >= minScore) || !Number.isFinite(k.x) || !Number.isFinite(k.y)) continue;
		n++;
		const x = k.x / body.width;
		const y = k.y / body.height;
		xMin = Math.min(xMin, x);
		yMin = Math.min(yMin, y);
		xMax = Math.max(xMax, x);
		yMax = Math.max(yMax, y);
	}
	return n >= MIN_BOX_KEYPOINTS ? { xMin, yMin, xMax, yMax } : null;
}

export function boxArea(b: Box): number {
	return Math.max(0, b.xMax - b.xMin) * Math.max(0, b.yMax - b.yMin);
}

/** Intersection over union of two boxes, in 0..1 (0 when either has no area). */
export function boxIoU(a: Box, b: Box): number {
	const inter = boxArea({
		xMin: Math.max(a.xMin, b.xMin),
		yMin: Math.max(a.yMin, b.yMin),
		xMax: Math.min(a.xMax, b.xMax),
		yMax: Math.min(a.yMax, b.yMax)
	});
	const union = boxArea(a) + boxArea(b) - inter;
	return union > 0 ? inter / union : 0;
}

export interface PickPersonOptions {
	/** See {@link MIN_TRACK_IOU}. */
	minIoU?: number;
	/** Keypoint score for a keypoint to count in a box (default MIN_KEYPOINT_SCORE). */
	minScore?: number;
}

/**
 * The body to coach in this frame:
 * 1. the body overlapping the previously tracked person most, if that overlap is at least
 *    `minIoU` (the same person, even if someone larger walks in);
 * 2. otherwise the body with the largest box (the person nearest the camera);
 * 3. null when no body has two confident keypoints.
 * Ties keep the earlier body.
 */
export function pickPerson(
	bodies: readonly Body[],
	previous: Body | null,
	options: PickPersonOptions = {}
): Body | null {
	const minIoU = options.minIoU ?? MIN_TRACK_IOU;
	const minScore = options.minScore ?? MIN_KEYPOINT_SCORE;
	const boxed: Array<{ body: Body; box: Box }> = [];
	for (const body of bodies) {
		const box = bodyBox(body, minScore);
		if (box) boxed.push({ body, box });
	}
	if (boxed.length === 0) return null;

	const prevBox = previous ? bodyBox(previous, minScore) : null;
	if (prevBox) {
		let best: Body | null = null;
		let bestIoU = -1;
		for (const { body, box } of boxed) {
			const iou = boxIoU(box, prevBox);
			if (iou > bestIoU) {
				best = body;
				bestIoU = iou;
			}
		}
		if (best && bestIoU >= minIoU) return best;
	}

	let largest = boxed[0]!;
	for (const candidate of boxed) {
		if (boxArea(candidate.box) > boxArea(largest.box)) largest = candidate;
	}
	return largest.body;
}
