import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, type Body, type Keypoint } from './keypoints';
import { bodyBox, boxArea, boxIoU, MIN_TRACK_IOU, pickPerson, type Box } from './tracking';

const W = 640;
const H = 480;

/**
 * A body whose 17 keypoints spread evenly over the pixel box [x0, x1] × [y0, y1], all with
 * `score`; `scores` overrides single keypoints by index.
 */
function bodyIn(
	x0: number,
	y0: number,
	x1: number,
	y1: number,
	score = 0.9,
	scores: Record<number, number> = {}
): Body {
	const n = COCO_KEYPOINTS.length;
	const keypoints: Keypoint[] = COCO_KEYPOINTS.map((_, i) => ({
		x: x0 + ((x1 - x0) * (i % 4)) / 3,
		y: y0 + ((y1 - y0) * i) / (n - 1),
		score: scores[i] ?? score
	}));
	return { keypoints, width: W, height: H };
}

const box = (xMin: number, yMin: number, xMax: number, yMax: number): Box => ({
	xMin,
	yMin,
	xMax,
	yMax
});

describe('bodyBox', () => {
	it('spans the confident keypoints in frame fractions', () => {
		const b = bodyBox(bodyIn(64, 48, 320, 240));
		expect(b).not.toBeNull();
		expect(b!.xMin).toBeCloseTo(0.1, 9);
		expect(b!.yMin).toBeCloseTo(0.1, 9);
		expect(b!.xMax).toBeCloseTo(0.5, 9);
		expect(b!.yMax).toBeCloseTo(0.5, 9);
	});

	it('ignores keypoints below the score threshold and missing ones', () => {
		const body = bodyIn(64, 48, 320, 240, 0.9, { 16: 0.1 });
		const keypoints = [...body.keypoints];
		keypoints[0] = null;
		const b = bodyBox({ ...body, keypoints });
		// Keypoint 16 (the lowest, at y = 240) is too weak: the box stops at keypoint 15.
		expect(b!.yMax).toBeLessThan(0.5);
		expect(b!.yMin).toBeGreaterThan(0.1);
	});

	it('is null with fewer than two confident keypoints or an empty frame', () => {
		expect(bodyBox(bodyIn(0, 0, 100, 100, 0.1, { 3: 0.9 }))).toBeNull();
		expect(bodyBox({ ...bodyIn(0, 0, 100, 100), width: 0 })).toBeNull();
	});

	it('compares bodies from frames of different sizes', () => {
		const small = { ...bodyIn(32, 24, 160, 120), width: 320, height: 240 };
		expect(bodyBox(small)).toEqual(bodyBox(bodyIn(64, 48, 320, 240)));
	});
});

describe('boxIoU', () => {
	it.each([
		['identical', box(0, 0, 0.5, 0.5), box(0, 0, 0.5, 0.5), 1],
		['disjoint', box(0, 0, 0.2, 0.2), box(0.5, 0.5, 0.8, 0.8), 0],
		['touching edges', box(0, 0, 0.5, 0.5), box(0.5, 0, 1, 0.5), 0],
		['half-shifted squares', box(0, 0, 0.4, 0.4), box(0.2, 0, 0.6, 0.4), 1 / 3],
		['one inside a 4× larger one', box(0, 0, 0.4, 0.4), box(0.1, 0.1, 0.3, 0.3), 0.25],
		['a degenerate (zero-area) box', box(0.1, 0.1, 0.1, 0.5), box(0, 0, 1, 1), 0]
	])('%s', (_, a, b, expected) => {
		expect(boxIoU(a, b)).toBeCloseTo(expected, 9);
		expect(boxIoU(b, a)).toBeCloseTo(expected, 9);
	});

	it('stays within 0..1', () => {
		for (let i = 0; i < 200; i++) {
			const r = () => Math.random();
			const [x0, x1] = [r(), r()].sort();
			const [y0, y1] = [r(), r()].sort();
			const [u0, u1] = [r(), r()].sort();
			const [v0, v1] = [r(), r()].sort();
			const iou = boxIoU(box(x0!, y0!, x1!, y1!), box(u0!, v0!, u1!, v1!));
			expect(iou).toBeGreaterThanOrEqual(0);
			expect(iou).toBeLessThanOrEqual(1);
		}
	});

	it('boxArea is 0 for inverted boxes', () => {
		expect(boxArea(box(0.5, 0.5, 0.2, 0.2))).toBe(0);
	});
});

describe('pickPerson', () => {
	const left = bodyIn(20, 40, 200, 460); // tall, on the left
	const right = bodyIn(400, 100, 560, 400); // smaller, on the right
	const big = bodyIn(150, 0, 500, 480); // largest, in the middle

	it('returns null for no bodies', () => {
		expect(pickPerson([], null)).toBeNull();
		expect(pickPerson([], left)).toBeNull();
	});

	it('returns null when no body has two confident keypoints', () => {
		expect(pickPerson([bodyIn(0, 0, 100, 100, 0.05)], null)).toBeNull();
	});

	it('returns a single body with or without history', () => {
		expect(pickPerson([right], null)).toBe(right);
		expect(pickPerson([right], left)).toBe(right);
	});

	it('without history takes the largest body', () => {
		expect(pickPerson([left, right], null)).toBe(left);
		expect(pickPerson([right, left, big], null)).toBe(big);
	});

	it('keeps the previously tracked person even when a larger one appears', () => {
		const movedRight = bodyIn(410, 104, 570, 404); // the right person, 10 px later
		expect(pickPerson([big, left, movedRight], right)).toBe(movedRight);
	});

	it('falls back to the largest when nobody overlaps the previous person enough', () => {
		const farAway = bodyIn(600, 0, 640, 40);
		expect(pickPerson([right, left], farAway)).toBe(left);
	});

	it('prefers the best overlap among several overlapping bodies', () => {
		const previous = bodyIn(100, 100, 300, 400);
		const near = bodyIn(110, 100, 310, 400); // IoU ≈ 0.9
		const half = bodyIn(200, 100, 400, 400); // IoU ≈ 0.33
		expect(pickPerson([half, near], previous)).toBe(near);
	});

	it('applies MIN_TRACK_IOU as the same-person threshold', () => {
		const previous = bodyIn(0, 0, 300, 300);
		// Shifted right so that IoU = (300 - s) / (300 + s): just above and below the threshold.
		const shiftFor = (iou: number) => (300 * (1 - iou)) / (1 + iou);
		const justAbove = bodyIn(
			shiftFor(MIN_TRACK_IOU + 0.02),
			0,
			300 + shiftFor(MIN_TRACK_IOU + 0.02),
			300
		);
		const justBelow = bodyIn(
			shiftFor(MIN_TRACK_IOU - 0.02),
			0,
			300 + shiftFor(MIN_TRACK_IOU - 0.02),
			300
		);
		const larger = bodyIn(0, 320, 640, 480); // wider than tall but larger than both
		expect(boxArea(bodyBox(larger)!)).toBeGreaterThan(boxArea(bodyBox(justAbove)!));
		expect(pickPerson([larger, justAbove], previous)).toBe(justAbove);
		expect(pickPerson([larger, justBelow], previous)).toBe(larger);
	});

	it('uses only confident keypoints for the previous box too', () => {
		// The previous body's confident keypoints are all on the right; its weak ones reach left.
		const previous = bodyIn(0, 0, 600, 400, 0.1);
		const prevKeypoints = previous.keypoints.map((k) =>
			k && k.x > 300 ? { ...k, score: 0.9 } : k
		);
		const rightHalf = bodyIn(400, 0, 600, 400);
		const leftHalf = bodyIn(0, 0, 250, 480);
		expect(pickPerson([leftHalf, rightHalf], { ...previous, keypoints: prevKeypoints })).toBe(
			rightHalf
		);
	});

	it('keeps the earlier body on ties', () => {
		// Quarter-frame boxes whose fractions are exact in binary, so the areas tie exactly.
		const a = bodyIn(0, 0, 160, 120);
		const b = bodyIn(320, 240, 480, 360);
		expect(pickPerson([a, b], null)).toBe(a);
		expect(pickPerson([b, a], null)).toBe(b);
	});

	it('honours custom options', () => {
		const previous = bodyIn(0, 0, 300, 300);
		const shifted = bodyIn(150, 0, 450, 300); // IoU = 1/3
		const larger = bodyIn(0, 320, 640, 480);
		expect(pickPerson([larger, shifted], previous)).toBe(shifted);
		expect(pickPerson([larger, shifted], previous, { minIoU: 0.5 })).toBe(larger);
	});
});
