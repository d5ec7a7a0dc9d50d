/**
 * Range-of-motion measures (src/lib/rom) on real photos where the position is known, through the
 * real MoveNet Lightning weights in Node (tests/fixtures/media, see its NOTICE.md):
 *
 * - tfjs_pose.jpg, warrior II: both arms straight out level with the shoulders, so shoulder
 *   elevation ≈ 90° and the elbows ≈ 180°, each side apart;
 * - nvinay_recline.jpg, nvinay_straight_flip.jpg, nvinay_hunchback.jpg: the same man side-on,
 *   leaning back in his chair, sitting up against its back, and hunched forward: trunk
 *   extension is clearly larger reclined (measured 38° against 14°), and 0° hunched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Body } from '../../src/lib/pose/keypoints';
import type { PoseEstimator } from '../../src/lib/pose/estimator';
import { createNodeEstimator, decodeImage } from '../../src/lib/pose/node';
import { computeMetrics } from '../../src/lib/metrics/body-metrics';
import { MEASURES, type MeasureId } from '../../src/lib/rom/measures';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
/** Frames shown per photo: MoveNet's first look is a coarse whole-image pass (real-model.spec). */
const RUNS_PER_PHOTO = 3;
/**
 * Degrees a photo's arm may differ from level: the pose is held by eye, not measured (the
 * photo's arms look a few degrees above level), and the model's shoulder keypoint wanders
 * a few pixels on a ≈ 90 px upper arm.
 */
const PHOTO_ARM_TOLERANCE_DEG = 15;
/** A straight elbow held by eye reads at least this (180° is straight). */
const STRAIGHT_ELBOW_MIN_DEG = 160;
/** Reclined minus upright trunk extension, at least (degrees): the chair's back tilts ≈ 20°. */
const MIN_RECLINE_DIFFERENCE_DEG = 8;

async function settle(estimator: PoseEstimator, file: string): Promise<Body> {
	const pixels = await decodeImage(MEDIA + file);
	estimator.reset();
	let bodies: Body[] = [];
	for (let i = 0; i < RUNS_PER_PHOTO; i++) bodies = await estimator.estimate(pixels);
	expect(bodies).toHaveLength(1);
	return bodies[0]!;
}

function read(body: Body, id: MeasureId) {
	return MEASURES[id].read(computeMetrics(body), null, body);
}

describe('range of motion on real photos (MoveNet Lightning, Node wasm)', () => {
	let estimator: PoseEstimator;
	beforeAll(async () => {
		estimator = await createNodeEstimator('movenet-lightning');
	});
	afterAll(() => estimator?.dispose());

	it('reads warrior II’s level arms as ≈ 90° of shoulder elevation, each side, elbows straight', async () => {
		const body = await settle(estimator, 'tfjs_pose.jpg');
		const arms = read(body, 'shoulder-elevation');
		expect(arms.map((r) => r.side).sort()).toEqual(['left', 'right']);
		for (const r of arms) {
			expect(r.degrees).toBeGreaterThanOrEqual(90 - PHOTO_ARM_TOLERANCE_DEG);
			expect(r.degrees).toBeLessThanOrEqual(90 + PHOTO_ARM_TOLERANCE_DEG);
		}
		const elbows = read(body, 'elbow-angle');
		expect(elbows).toHaveLength(2);
		for (const r of elbows) {
			expect(r.degrees).toBeGreaterThanOrEqual(STRAIGHT_ELBOW_MIN_DEG);
			expect(r.degrees).toBeLessThanOrEqual(180);
		}
	});

	it('reads more trunk extension leaning back in the chair than sitting up, and none hunched', async () => {
		const reclined = read(await settle(estimator, 'nvinay_recline.jpg'), 'trunk-extension');
		const upright = read(await settle(estimator, 'nvinay_straight_flip.jpg'), 'trunk-extension');
		expect(reclined).toHaveLength(1);
		expect(upright).toHaveLength(1);
		expect(reclined[0]!.degrees - upright[0]!.degrees).toBeGreaterThanOrEqual(
			MIN_RECLINE_DIFFERENCE_DEG
		);
		// Hunched forward over the desk is no extension at all (a forward lean reads 0°, never less).
		const hunched = read(await settle(estimator, 'nvinay_hunchback.jpg'), 'trunk-extension');
		expect(hunched).toEqual([{ side: null, degrees: 0 }]);
	});
});
