/**
 * The real pose models (the verified weights in static/models/) on real photos
 * (tests/fixtures/media, see its NOTICE.md), in Node on the tfjs wasm backend.
 *
 * MoveNet crops each frame around the pose it found in the previous one, so its first look at
 * a still photo is a coarse whole-image pass (Lightning scores ~0.5 there). Like a camera
 * stream, each photo is shown a few times after a reset and the last answer is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import {
	meanScore,
	seen,
	type Body,
	type Keypoint,
	type KeypointName
} from '../../src/lib/pose/keypoints';
import { personScore, type PoseEstimator } from '../../src/lib/pose/estimator';
import { MODELS } from '../../src/lib/pose/models';
import { createNodeEstimator, decodeImage, imageTensor } from '../../src/lib/pose/node';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const photo = (name: string) => MEDIA + name;

/** Frames shown per photo: the first is a whole-image pass, later ones crop around the person. */
const RUNS_PER_PHOTO = 3;
/** Mean keypoint score (0..1, all 17) a clear full-body photo must reach; measured 0.61–0.80. */
const MIN_FULL_BODY_MEAN_SCORE = 0.5;
/** Keypoints may sit this far outside the frame (pixels): models extrapolate at the border. */
const EDGE_TOLERANCE_PX = 2;
/** Body parts that stack vertically must be at least this fraction of image height apart. */
const MIN_VERTICAL_GAP = 0.02;
/** Sitting side views: the hips lie at least this fraction of image height below the shoulders. */
const MIN_TORSO_DROP = 0.1;
/**
 * The hunched trunk leans forward at least this much more than the upright one (degrees from
 * vertical, hip → shoulder). Measured about 13° upright and 36° hunched.
 */
const MIN_LEAN_DIFFERENCE_DEG = 10;
/** Where the same joint of two models may differ, as a fraction of the image diagonal. */
const MAX_MODEL_DISAGREEMENT = 0.05;
/** MoveNet Lightning's person score on the baboon lies at least this far below its threshold. */
const MIN_BABOON_MARGIN = 0.1;

async function settle(estimator: PoseEstimator, file: string): Promise<Body[]> {
	const pixels = await decodeImage(photo(file));
	estimator.reset();
	let bodies: Body[] = [];
	for (let i = 0; i < RUNS_PER_PHOTO; i++) bodies = await estimator.estimate(pixels);
	return bodies;
}

function only(bodies: Body[]): Body {
	expect(bodies).toHaveLength(1);
	return bodies[0]!;
}

function must(body: Body, name: KeypointName): Keypoint {
	const k = seen(body, name);
	if (!k) throw new Error(`${name} not seen confidently`);
	return k;
}

const mid = (a: Keypoint, b: Keypoint) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

function expectInsideFrame(body: Body): void {
	for (const k of body.keypoints) {
		if (!k) continue;
		expect(k.x).toBeGreaterThanOrEqual(-EDGE_TOLERANCE_PX);
		expect(k.x).toBeLessThanOrEqual(body.width + EDGE_TOLERANCE_PX);
		expect(k.y).toBeGreaterThanOrEqual(-EDGE_TOLERANCE_PX);
		expect(k.y).toBeLessThanOrEqual(body.height + EDGE_TOLERANCE_PX);
	}
}

/** Forward lean of the trunk in degrees from vertical, positive toward `facing`. */
function trunkLeanDeg(body: Body, facing: 'left' | 'right'): number {
	const shoulders = [seen(body, 'left_shoulder'), seen(body, 'right_shoulder')].filter(
		(k): k is Keypoint => k !== null
	);
	const hips = [seen(body, 'left_hip'), seen(body, 'right_hip')].filter(
		(k): k is Keypoint => k !== null
	);
	expect(shoulders.length).toBeGreaterThan(0);
	expect(hips.length).toBeGreaterThan(0);
	const avg = (ks: Keypoint[]) => ({
		x: ks.reduce((s, k) => s + k.x, 0) / ks.length,
		y: ks.reduce((s, k) => s + k.y, 0) / ks.length
	});
	const s = avg(shoulders);
	const h = avg(hips);
	const forward = (s.x - h.x) * (facing === 'right' ? 1 : -1);
	return (Math.atan2(forward, h.y - s.y) * 180) / Math.PI;
}

describe('MoveNet Lightning (real weights, Node wasm)', () => {
	let estimator: PoseEstimator;
	/** The same model with no person threshold, to read scores of what the other rejects. */
	let unfiltered: PoseEstimator;

	beforeAll(async () => {
		estimator = await createNodeEstimator('movenet-lightning');
		unfiltered = await createNodeEstimator('movenet-lightning', { minPersonScore: 0 });
	});
	afterAll(() => {
		estimator?.dispose();
		unfiltered?.dispose();
	});

	it('runs on the wasm backend with the registry threshold', () => {
		expect(tf.getBackend()).toBe('wasm');
		expect(estimator.model).toBe('movenet-lightning');
		expect(estimator.runtime).toBe('tfjs');
		expect(estimator.minPersonScore).toBe(MODELS['movenet-lightning'].minPersonScore);
	});

	describe.each([
		['tfjs_pose.jpg', 'warrior II yoga pose, arms out'],
		['tfex_pose_image2.jpg', 'standing, arms crossed']
	])('full body, front view: %s (%s)', (file) => {
		let body: Body;
		beforeAll(async () => {
			body = only(await settle(estimator, file));
		});

		it('finds one confident person with all 17 keypoints inside the frame', async () => {
			const pixels = await decodeImage(photo(file));
			expect(body.width).toBe(pixels.width);
			expect(body.height).toBe(pixels.height);
			expect(body.keypoints.every((k) => k !== null)).toBe(true);
			expect(meanScore(body)).toBeGreaterThanOrEqual(MIN_FULL_BODY_MEAN_SCORE);
			expectInsideFrame(body);
		});

		it.each(['left', 'right'] as const)(
			'stacks nose, %s shoulder, hip, knee and ankle from top to bottom',
			(side) => {
				const chain: KeypointName[] = [
					'nose',
					`${side}_shoulder`,
					`${side}_hip`,
					`${side}_knee`,
					`${side}_ankle`
				];
				const ys = chain.map((n) => must(body, n).y);
				for (let i = 1; i < ys.length; i++) {
					expect(ys[i]! - ys[i - 1]!, `${chain[i - 1]} above ${chain[i]}`).toBeGreaterThan(
						MIN_VERTICAL_GAP * body.height
					);
				}
			}
		);

		it("puts the person's left side on the image's right (facing the camera)", () => {
			expect(must(body, 'left_shoulder').x).toBeGreaterThan(must(body, 'right_shoulder').x);
			expect(must(body, 'left_hip').x).toBeGreaterThan(must(body, 'right_hip').x);
		});
	});

	describe('sitting, side view', () => {
		let upright: Body;
		let hunched: Body;
		beforeAll(async () => {
			upright = only(await settle(estimator, 'nvinay_straight_flip.jpg'));
			hunched = only(await settle(estimator, 'nvinay_hunchback.jpg'));
		});

		it('finds the person with the hips below the shoulders', () => {
			for (const body of [upright, hunched]) {
				expectInsideFrame(body);
				const shoulders = mid(must(body, 'left_shoulder'), must(body, 'right_shoulder'));
				const hips = mid(must(body, 'left_hip'), must(body, 'right_hip'));
				expect(hips.y - shoulders.y).toBeGreaterThan(MIN_TORSO_DROP * body.height);
			}
		});

		it('sees which way each man faces (nose ahead of the ear)', () => {
			const earX = (b: Body) => {
				const ears = [seen(b, 'left_ear'), seen(b, 'right_ear')].filter(
					(k): k is Keypoint => k !== null
				);
				expect(ears.length).toBeGreaterThan(0);
				return ears.reduce((s, k) => s + k.x, 0) / ears.length;
			};
			expect(must(upright, 'nose').x).toBeGreaterThan(earX(upright)); // faces image-right
			expect(must(hunched, 'nose').x).toBeLessThan(earX(hunched)); // faces image-left
		});

		it('measures a clearly larger forward trunk lean when hunched', () => {
			const uprightLean = trunkLeanDeg(upright, 'right');
			const hunchedLean = trunkLeanDeg(hunched, 'left');
			expect(hunchedLean - uprightLean).toBeGreaterThan(MIN_LEAN_DIFFERENCE_DEG);
		});
	});

	it('finds at most one person in a photo of three, and that one whole', async () => {
		const body = only(await settle(estimator, 'tfjs_three_people.jpg'));
		expectInsideFrame(body);
		// One person's shoulders, not a blend of two people: well under half the frame apart.
		const ls = must(body, 'left_shoulder');
		const rs = must(body, 'right_shoulder');
		expect(Math.abs(ls.x - rs.x)).toBeLessThan(0.3 * body.width);
	});

	it('finds no person in the baboon photo, with a clear score margin', async () => {
		expect(await settle(estimator, 'baboon.jpg')).toEqual([]);
		const raw = only(await settle(unfiltered, 'baboon.jpg'));
		expect(personScore(raw)).toBeLessThan(estimator.minPersonScore - MIN_BABOON_MARGIN);
	});

	it('gives the same keypoints from an RGBA PixelData and an RGB tensor', async () => {
		const fromPixels = only(await settle(estimator, 'tfex_pose_image2.jpg'));
		const tensor = await imageTensor(photo('tfex_pose_image2.jpg'));
		try {
			estimator.reset();
			let fromTensor: Body[] = [];
			for (let i = 0; i < RUNS_PER_PHOTO; i++) fromTensor = await estimator.estimate(tensor);
			const body = only(fromTensor);
			body.keypoints.forEach((k, i) => {
				const p = fromPixels.keypoints[i]!;
				expect(Math.abs(k!.x - p.x)).toBeLessThan(0.5);
				expect(Math.abs(k!.y - p.y)).toBeLessThan(0.5);
			});
		} finally {
			tensor.dispose();
		}
	});

	it('does not leak tensors across estimates', async () => {
		const pixels = await decodeImage(photo('tfjs_pose.jpg'));
		await estimator.estimate(pixels);
		const before = tf.memory().numTensors;
		for (let i = 0; i < 3; i++) await estimator.estimate(pixels);
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('BlazePose Lite (runtime tfjs, real weights, Node wasm)', () => {
	let blazepose: PoseEstimator;
	let movenet: PoseEstimator;

	beforeAll(async () => {
		blazepose = await createNodeEstimator('blazepose-lite');
		movenet = await createNodeEstimator('movenet-lightning');
	});
	afterAll(() => {
		blazepose?.dispose();
		movenet?.dispose();
	});

	it('maps its 33 landmarks by name onto the same canonical body as MoveNet', async () => {
		const bp = only(await settle(blazepose, 'tfjs_pose.jpg'));
		const mn = only(await settle(movenet, 'tfjs_pose.jpg'));
		expect(bp.keypoints).toHaveLength(17);
		expectInsideFrame(bp);
		const diagonal = Math.hypot(bp.width, bp.height);
		const joints: KeypointName[] = [
			'nose',
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
		];
		for (const name of joints) {
			const a = must(bp, name);
			const b = must(mn, name);
			expect(Math.hypot(a.x - b.x, a.y - b.y) / diagonal, name).toBeLessThan(
				MAX_MODEL_DISAGREEMENT
			);
		}
	});

	it('finds no person in the baboon photo', async () => {
		expect(await settle(blazepose, 'baboon.jpg')).toEqual([]);
	});
});
