import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, MIN_KEYPOINT_SCORE, type Body } from '$lib/pose/keypoints';
import { CONFIDENCE_COLOURS, skeletonShapes } from './skeleton';

/** A body with every keypoint at a distinct place and score 0.9, then `edit` applied. */
function body(edit: (k: Body['keypoints']) => void = () => {}): Body {
	const keypoints = COCO_KEYPOINTS.map((_, i) => ({ x: 10 + i * 10, y: 20 + i * 5, score: 0.9 }));
	const b: Body = { keypoints, width: 640, height: 480 };
	edit(b.keypoints);
	return b;
}

const idx = (name: (typeof COCO_KEYPOINTS)[number]) => COCO_KEYPOINTS.indexOf(name);

describe('skeletonShapes', () => {
	it('draws a dot per confident keypoint, coloured by its score band', () => {
		const s = skeletonShapes(
			body((k) => {
				k[idx('nose')]!.score = 0.55;
				k[idx('left_wrist')]!.score = MIN_KEYPOINT_SCORE / 2; // not seen
				k[idx('right_wrist')] = null;
			}),
			640,
			480
		);
		expect(s.dots).toHaveLength(COCO_KEYPOINTS.length - 2);
		const nose = s.dots.find((d) => d.x === 10 + idx('nose') * 10)!;
		expect(nose.colour).toBe(CONFIDENCE_COLOURS[1].colour);
		expect(s.dots.filter((d) => d.colour === CONFIDENCE_COLOURS[0].colour)).toHaveLength(
			COCO_KEYPOINTS.length - 3
		);
	});

	it('joins only pairs whose both ends are seen, and skips non-finite points', () => {
		const all = skeletonShapes(body(), 640, 480).bones.length;
		const s = skeletonShapes(
			body((k) => {
				k[idx('left_elbow')]!.x = NaN;
			}),
			640,
			480
		);
		// The left elbow ends two bones: shoulder–elbow and elbow–wrist.
		expect(s.bones).toHaveLength(all - 2);
		expect(s.bones.every((b) => [b.x1, b.y1, b.x2, b.y2].every(Number.isFinite))).toBe(true);
	});

	it('scales line widths with the frame and keeps a floor for tiny frames', () => {
		expect(skeletonShapes(body(), 1280, 720).unit).toBeCloseTo(720 / 160);
		expect(skeletonShapes(body(), 640, 480).unit).toBeCloseTo(3);
		expect(skeletonShapes(body(), 100, 80).unit).toBe(1.5);
	});
});
