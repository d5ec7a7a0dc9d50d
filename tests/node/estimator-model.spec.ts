/**
 * The estimator's own logic around a model, with a scripted pose-detection detector: person
 * threshold, by-name mapping, input conversion, one call at a time, timestamps, disposal.
 * (The real models are in real-model.spec.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { Pose, PoseDetector } from '@tensorflow-models/pose-detection';
import {
	estimatorFromDetector,
	frameSize,
	personScore,
	PERSON_SCORE_TOP_K,
	type EstimatorInput
} from '../../src/lib/pose/estimator';
import { BLAZEPOSE_KEYPOINTS, COCO_KEYPOINTS, KP, toBody } from '../../src/lib/pose/keypoints';
import { initNodeWasm } from '../../src/lib/pose/node';

beforeAll(() => initNodeWasm());

/** A pose with every COCO keypoint at `score` (or `scores[name]`), at (10 i, 20 i). */
function pose(
	score: number,
	scores: Record<string, number> = {},
	names: readonly string[] = COCO_KEYPOINTS
): Pose {
	return {
		keypoints: names.map((name, i) => ({
			x: 10 * i,
			y: 20 * i,
			score: scores[name] ?? score,
			name
		}))
	};
}

interface Call {
	image: unknown;
	timestamp: number | undefined;
}

/** A detector answering `answers` in turn (the last repeats), recording its calls. */
function scriptedDetector(answers: Array<Pose[] | Error>, delayMs = 0) {
	const calls: Call[] = [];
	let running = 0;
	let maxRunning = 0;
	let resets = 0;
	let disposed = false;
	const detector: PoseDetector = {
		async estimatePoses(image, _config, timestamp) {
			running++;
			maxRunning = Math.max(maxRunning, running);
			calls.push({ image, timestamp });
			await new Promise((r) => setTimeout(r, delayMs));
			running--;
			const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
			if (answer instanceof Error) throw answer;
			return answer;
		},
		reset: () => void resets++,
		dispose: () => void (disposed = true)
	};
	return {
		detector,
		calls,
		maxRunning: () => maxRunning,
		resets: () => resets,
		disposed: () => disposed
	};
}

const frame = (w = 64, h = 48): tf.Tensor3D => tf.zeros([h, w, 3], 'int32') as tf.Tensor3D;

describe('personScore', () => {
	it('is the mean of the best five keypoint scores, missing ones counting 0', () => {
		expect(PERSON_SCORE_TOP_K).toBe(5);
		const body = toBody(
			pose(0.1, { nose: 0.9, left_eye: 0.8, right_eye: 0.7, left_ear: 0.6, right_ear: 0.5 })
				.keypoints,
			100,
			100
		);
		expect(personScore(body)).toBeCloseTo(0.7, 9);
		expect(personScore(body, 1)).toBeCloseTo(0.9, 9);
		expect(personScore(body, 17)).toBeCloseTo((3.5 + 12 * 0.1) / 17, 9);
		expect(personScore(toBody([], 10, 10))).toBe(0);
		expect(personScore(body, 0)).toBe(0);
	});

	it('does not penalise a head-and-shoulders view with everything below out of frame', () => {
		const upper = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'];
		const scores = Object.fromEntries(
			COCO_KEYPOINTS.map((n) => [n, upper.includes(n) ? 0.75 : 0.02])
		);
		const body = toBody(pose(0, scores).keypoints, 100, 100);
		expect(personScore(body)).toBeCloseTo(0.75, 9);
	});
});

describe('frameSize', () => {
	it.each([
		['a tensor [h, w, 3]', () => frame(64, 48), 64, 48],
		[
			'a video (intrinsic size, not its CSS box)',
			() => ({ videoWidth: 640, videoHeight: 480, width: 0, height: 0 }),
			640,
			480
		],
		[
			'an image (natural size)',
			() => ({ naturalWidth: 800, naturalHeight: 600, width: 80, height: 60 }),
			800,
			600
		],
		['PixelData', () => ({ width: 3, height: 2, data: new Uint8Array(24) }), 3, 2]
	])('%s', (_, make, width, height) => {
		const input = make() as EstimatorInput;
		expect(frameSize(input)).toEqual({ width, height });
		if (input instanceof tf.Tensor) input.dispose();
	});
});

describe('estimatorFromDetector', () => {
	it('returns a body mapped by name when the person score reaches the threshold', async () => {
		const bp = pose(0.9, {}, BLAZEPOSE_KEYPOINTS);
		const fake = scriptedDetector([[bp]]);
		const est = estimatorFromDetector(fake.detector, { model: 'blazepose-lite' });
		expect(est.runtime).toBe('tfjs');
		const input = frame(320, 240);
		const [body] = await est.estimate(input);
		input.dispose();
		expect(body!.width).toBe(320);
		expect(body!.height).toBe(240);
		expect(body!.keypoints).toHaveLength(17);
		// left_shoulder is index 11 of BlazePose's 33 and index 5 of the canonical 17.
		expect(body!.keypoints[KP.left_shoulder]).toEqual({ x: 110, y: 220, score: 0.9 });
	});

	it('returns no body below the threshold, and honours an override', async () => {
		const fake = scriptedDetector([[pose(0.3)]]);
		const input = frame();
		const strict = estimatorFromDetector(fake.detector, { model: 'movenet-lightning' });
		expect(strict.minPersonScore).toBe(0.4);
		expect(await strict.estimate(input)).toEqual([]);
		const lenient = estimatorFromDetector(fake.detector, {
			model: 'movenet-lightning',
			minPersonScore: 0.3
		});
		expect(await lenient.estimate(input)).toHaveLength(1);
		input.dispose();
	});

	it('returns [] for a frame with no size (a video before its first frame) without running', async () => {
		const fake = scriptedDetector([[pose(0.9)]]);
		const est = estimatorFromDetector(fake.detector, { model: 'movenet-lightning' });
		const video = { videoWidth: 0, videoHeight: 0, width: 640, height: 480 } as HTMLVideoElement;
		expect(await est.estimate(video)).toEqual([]);
		expect(fake.calls).toHaveLength(0);
	});

	it('turns PixelData into an RGB tensor for tfjs and frees it afterwards', async () => {
		const fake = scriptedDetector([[pose(0.9)]]);
		const est = estimatorFromDetector(fake.detector, { model: 'movenet-lightning' });
		const pixels: tf.PixelData = { width: 4, height: 2, data: new Uint8Array(4 * 2 * 4).fill(200) };
		const before = tf.memory().numTensors;
		const [body] = await est.estimate(pixels);
		expect(tf.memory().numTensors).toBe(before);
		const image = fake.calls[0]!.image as tf.Tensor3D;
		expect(image.shape).toEqual([2, 4, 3]);
		expect(image.isDisposed).toBe(true);
		expect(body!.width).toBe(4);
	});

	it('passes a caller tensor through untouched (the caller owns it)', async () => {
		const fake = scriptedDetector([[pose(0.9)]]);
		const est = estimatorFromDetector(fake.detector, { model: 'movenet-lightning' });
		const input = frame();
		await est.estimate(input);
		expect(fake.calls[0]!.image).toBe(input);
		expect(input.isDisposed).toBe(false);
		input.dispose();
	});

	it('runs calls one at a time, in order, and survives a failing call', async () => {
		const fake = scriptedDetector([[pose(0.9)], new Error('GPU lost'), [pose(0.8)]], 5);
		const est = estimatorFromDetector(fake.detector, { model: 'movenet-lightning' });
		const input = frame();
		const results = await Promise.allSettled([
			est.estimate(input, 1),
			est.estimate(input, 2),
			est.estimate(input, 3)
		]);
		input.dispose();
		expect(fake.maxRunning()).toBe(1);
		expect(fake.calls.map((c) => c.timestamp)).toEqual([1, 2, 3]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
	});

	it('tfjs runtime: passes timestamps through as given', async () => {
		const fake = scriptedDetector([[]]);
		const est = estimatorFromDetector(fake.detector, { model: 'blazepose-lite', runtime: 'tfjs' });
		const input = frame();
		for (const t of [1000, 1000, 500, undefined]) await est.estimate(input, t);
		input.dispose();
		expect(fake.calls.map((c) => c.timestamp)).toEqual([1000, 1000, 500, undefined]);
	});

	it('mediapipe runtime: keeps timestamps strictly increasing, even across reset()', async () => {
		const fake = scriptedDetector([[]]);
		const est = estimatorFromDetector(fake.detector, {
			model: 'blazepose-lite',
			runtime: 'mediapipe'
		});
		const input = frame();
		await est.estimate(input, 1000);
		await est.estimate(input, 1000);
		await est.estimate(input, 500);
		est.reset();
		await est.estimate(input, 2000);
		await est.estimate(input);
		input.dispose();
		const ts = fake.calls.map((c) => c.timestamp!);
		expect(ts.slice(0, 4)).toEqual([1000, 1001, 1002, 2000]);
		expect(ts[4]).toBeGreaterThan(2000);
		expect(fake.resets()).toBe(1);
	});

	it('dispose frees the detector, after which estimate rejects', async () => {
		const fake = scriptedDetector([[pose(0.9)]]);
		const est = estimatorFromDetector(fake.detector, { model: 'movenet-lightning' });
		est.dispose();
		expect(fake.disposed()).toBe(true);
		const input = frame();
		await expect(est.estimate(input)).rejects.toThrow(/disposed/);
		input.dispose();
		est.dispose(); // twice is harmless
	});
});
