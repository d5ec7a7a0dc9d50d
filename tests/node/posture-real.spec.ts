/**
 * The posture engine on real photos and clips (tests/fixtures/media, see its NOTICE.md) through
 * the real MoveNet Lightning model in Node (tfjs wasm): the same code the live page runs.
 *
 * Photos: the same man sitting side-on, photographed upright, hunched and reclined. Each photo
 * is shown as a still camera would be, 2 frames a second (MoveNet crops around the previous
 * pose, so it is reset per photo and its first look is a coarse whole-image pass). Which way he
 * faces matters for pairing: `straight_flip`, `hunchback_flip` and `recline_flip` face image
 * RIGHT from one camera position; `hunchback`, `hunchback_hf` and `recline` face image LEFT from
 * another (checked by eye and by the model: the nose is right of the ear in the first three).
 *
 * Clips: a side view alternating upright and slouched (itakurah), and ten seconds' calibration
 * then upright desk work from the front-left (volcomix doctor, re-encoded to 10 fps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { analyzePosture, type PostureReport } from '../../src/lib/analysis/posture';
import { posesFromVideo } from '../../src/lib/analysis/node/video-poses';
import type { PoseEstimator } from '../../src/lib/pose/estimator';
import type { Body, PoseFrame } from '../../src/lib/pose/keypoints';
import { createNodeEstimator, imageTensor } from '../../src/lib/pose/node';
import {
	Calibrator,
	PostureEngine,
	type Calibration,
	type PostureEngineOptions,
	type PostureReading
} from '../../src/lib/posture';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));

/** Frames a photo is shown for after a reset (the later ones crop around the person). */
const RUNS_PER_PHOTO = 3;
/** The live page's pace while calibrating: 2 frames a second, for 10 s. */
const CALIBRATION_FRAMES = 20;
const FRAME_SECONDS = 0.5;

let estimator: PoseEstimator;
beforeAll(async () => {
	estimator = await createNodeEstimator('movenet-lightning');
});
afterAll(() => estimator?.dispose());

async function photoBody(file: string, mirrored = false): Promise<Body> {
	const image = await imageTensor(MEDIA + file);
	const input = mirrored ? (tf.reverse(image, 1) as tf.Tensor3D) : image;
	try {
		estimator.reset();
		let bodies: Body[] = [];
		for (let i = 0; i < RUNS_PER_PHOTO; i++) bodies = await estimator.estimate(input);
		expect(bodies, file).toHaveLength(1);
		return bodies[0]!;
	} finally {
		image.dispose();
		if (mirrored) input.dispose();
	}
}

const still = (body: Body, t0: number, n: number): PoseFrame[] =>
	Array.from({ length: n }, (_, i) => ({ t: t0 + i * FRAME_SECONDS, body }));

/** Calibrates as the live page does: ~10 s of a still person, who must hold still. */
function calibrateOn(body: Body): Calibration {
	const engine = new PostureEngine();
	const c = new Calibrator();
	for (const f of still(body, 0, CALIBRATION_FRAMES)) c.add(f.t, engine.measure(f).features);
	return c.finish({ requireStill: true });
}

/** The settled reading after a photo has been in view for 4 s. */
function judge(cal: Calibration, body: Body, options: PostureEngineOptions = {}): PostureReading {
	const engine = new PostureEngine(options);
	engine.calibration = cal;
	let last: PostureReading | null = null;
	for (const f of still(body, 20, 8)) last = engine.process(f);
	return last!;
}

describe('photos: the same man upright, hunched and reclined (side view)', () => {
	it('facing right, one camera: calibrated upright; hunched is slouched, reclined is not', async () => {
		const cal = calibrateOn(await photoBody('nvinay_straight_flip.jpg'));
		expect(cal.view).toBe('side');
		expect(cal.reference.facing).toBe(1);

		const upright = judge(cal, await photoBody('nvinay_straight_flip.jpg'));
		expect(upright.status).toBe('upright');
		expect(upright.severity).toBeLessThan(0.1);

		const hunched = judge(cal, await photoBody('nvinay_hunchback_flip.jpg'));
		expect(hunched.status).toBe('slouched');
		// Measured: trunk 34° further forward (limit 12°), neck angle 22° (16°), head ahead
		// 0.14 torso lengths (0.12): a clear slouch on several metrics, not one borderline one.
		const past = hunched.checks.filter((c) => c.ratio >= 1 && !c.excused).map((c) => c.id);
		expect(past).toEqual(expect.arrayContaining(['trunkLean', 'neckAngle']));

		// Leaning back against the chair lowers his head a lot, which reclining excuses.
		const reclined = judge(cal, await photoBody('nvinay_recline_flip.jpg'));
		expect(reclined.status).toBe('upright');
		expect(reclined.checks.find((c) => c.id === 'headDrop')).toMatchObject({ excused: true });
	});

	it('facing left: hunched photos are slouched against his upright photo mirrored', async () => {
		// No upright photo faces left; the mirrored upright one does. It was taken from another
		// camera position (he sits elsewhere in the frame), which the setup check rightly calls
		// a moved camera, so it is off for this pairing.
		const cal = calibrateOn(await photoBody('nvinay_straight_flip.jpg', true));
		expect(cal.reference.facing).toBe(-1);
		const options = { setupCheck: false } as const;
		expect(judge(cal, await photoBody('nvinay_straight_flip.jpg', true), options).status).toBe(
			'upright'
		);
		for (const file of ['nvinay_hunchback.jpg', 'nvinay_hunchback_hf.jpg']) {
			expect(judge(cal, await photoBody(file), options).status, file).toBe('slouched');
		}
		expect(judge(cal, await photoBody('nvinay_recline.jpg'), options).status).toBe('upright');
		// With the setup check on, the other camera position is judged only on what a moved
		// camera leaves alone (the angles; where the ear sits in the image sits out), which still
		// sees the hunch. Before issue 14 it was "unknown" from then on.
		const moved = judge(cal, await photoBody('nvinay_hunchback.jpg'));
		expect(moved).toMatchObject({ status: 'slouched', reason: null });
		expect(moved.checks.some((c) => c.id === 'headDrop')).toBe(false);
	});
});

/** Seconds of each state in [from, to). */
function secondsIn(r: PostureReport, from: number, to: number, state: string): number {
	let s = 0;
	for (let i = 0; i + 1 < r.frames.length; i++) {
		const f = r.frames[i]!;
		if (f.t >= from && f.t < to && f.state === state) s += r.frames[i + 1]!.t - f.t;
	}
	return s;
}

describe('clips', () => {
	let sideFrames: PoseFrame[];
	let deskFrames: PoseFrame[];
	beforeAll(async () => {
		sideFrames = (await posesFromVideo(MEDIA + 'itakurah_posture_cameracrop.mp4', { estimator }))
			.frames;
		deskFrames = (
			await posesFromVideo(MEDIA + 'volcomix_doctor_desk_26732_640p10.mp4', { estimator })
		).frames;
	}, 240_000);

	/**
	 * How late the verdict may follow the labels, s: the metrics' 0.3 s median, 0.25 s of
	 * settling here, the keypoint smoother (≈ 0.1 s), and on the way out the hysteresis that
	 * waits until the posture is clearly back. The labels themselves are a detector's boxes,
	 * "~" to a frame or two.
	 */
	const LAG_S = 0.8;

	it('side view: finds both slouched stretches and flags none of the upright ones', () => {
		expect(sideFrames.length).toBeGreaterThan(80);
		// Calibrated on the long upright stretch. The clip's slouches last 0.6–1.4 s, shorter
		// than the live monitor's 1 s settling, so this short clip settles in 0.25 s.
		const r = analyzePosture(sideFrames, {
			calibrate: { start: 1.3, end: 3.9 },
			settleSeconds: 0.25
		});
		expect(r.view).toBe('side');
		// Upright ~0–0.5 s and ~1.3–3.9 s: never slouched (after the lag on the way out).
		expect(secondsIn(r, 0, 0.5, 'slouched')).toBe(0);
		expect(secondsIn(r, 1.3 + LAG_S, 3.9, 'slouched')).toBe(0);
		// Slouched ~0.6–1.2 s and ~4.0–5.4 s: found (each within the lag).
		expect(secondsIn(r, 0.6, 1.2 + LAG_S, 'slouched')).toBeGreaterThan(0.4);
		expect(secondsIn(r, 4.0, 5.4, 'slouched')).toBeGreaterThan(0.6);
		expect(secondsIn(r, 4.0 + LAG_S, 5.4, 'slouched')).toBeCloseTo(5.4 - 4.0 - LAG_S, 0);
		// Too short for a nudge (30 s grace).
		expect(r.nudges).toEqual([]);
	});

	it.each(['gentle', 'normal', 'strict'] as const)(
		'upright desk work from the front: never slouched and no nudge (%s, 5 s grace)',
		(sensitivity) => {
			expect(deskFrames.length).toBeGreaterThan(240);
			expect(deskFrames.every((f) => f.body !== null)).toBe(true);
			// The first 10 s calibrate, as the live page does; the shortest grace the settings
			// allow (5 s) makes any slouch of note a nudge.
			const r = analyzePosture(deskFrames, {
				calibrate: { start: 0, end: 10 },
				sensitivity,
				graceSeconds: 5
			});
			expect(r.view).toBe('front');
			expect(r.nudges).toEqual([]);
			expect(r.slouchedSeconds).toBe(0);
			expect(r.secondsByState.upright).toBeGreaterThan(24);
		}
	);

	it('desk clip sampled as live (2 frames a second): the same verdict', () => {
		const live = deskFrames.filter((_, i) => i % 5 === 0);
		const r = analyzePosture(live, { calibrate: { start: 0, end: 10 }, graceSeconds: 5 });
		expect(r.nudges).toEqual([]);
		expect(r.slouchedSeconds).toBe(0);
	});
});
