import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, MIN_KEYPOINT_SCORE, type Body, type Keypoint } from '$lib/pose/keypoints';
import { bonesPath, CONFIDENCE_COLOURS, dotPaths, skeletonShapes } from './skeleton';

/** A body with every keypoint at a distinct place and score 0.9, then `edit` applied. */
function body(edit: (k: Array<Keypoint | null>) => void = () => {}): Body {
	const keypoints: Array<Keypoint | null> = COCO_KEYPOINTS.map((_, i) => ({
		x: 10 + i * 10,
		y: 20 + i * 5,
		score: 0.9
	}));
	edit(keypoints);
	return { keypoints, width: 640, height: 480 };
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

describe('SVG paths of the skeleton', () => {
	it('one move-line pair per bone, rounded to 0.1 px', () => {
		expect(
			bonesPath([
				{ x1: 1.234, y1: 2, x2: 3, y2: 4.56 },
				{ x1: 5, y1: 6, x2: 7, y2: 8 }
			])
		).toBe('M1.2 2L3 4.6M5 6L7 8');
		expect(bonesPath([])).toBe('');
	});

	it('dots grouped by colour, one circle (two arcs) each, every band present', () => {
		const [sure, fair, unsure] = CONFIDENCE_COLOURS;
		const paths = dotPaths(
			[
				{ x: 10, y: 20, colour: sure.colour },
				{ x: 30, y: 40, colour: sure.colour },
				{ x: 50, y: 60, colour: unsure.colour }
			],
			2
		);
		expect(paths.map((p) => p.colour)).toEqual([sure.colour, fair.colour, unsure.colour]);
		expect(paths[0]!.d).toBe(
			'M8 20a2 2 0 1 0 4 0a2 2 0 1 0 -4 0M28 40a2 2 0 1 0 4 0a2 2 0 1 0 -4 0'
		);
		expect(paths[1]!.d).toBe('');
		expect(paths[2]!.d.match(/M/g)).toHaveLength(1);
	});
});
