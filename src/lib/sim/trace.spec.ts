import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINTS, type PoseFrame } from '../pose/keypoints';
import { readTrace } from '../trace/pose-trace';
import { makeCamera } from './camera';
import { hold, repeat } from './motion';
import { standingNeutral, wallAngelHigh, wallAngelLow } from './postures';
import { generateFrames, simulate, toTraceJson } from './trace';

/** Trace rows keep 0.01 px: a round trip may move a point by half of that. */
const ROUND_TRIP_PX = 0.005;

describe('generateFrames', () => {
	it('samples from 0 to the duration inclusive at fps, on the camera frame size', () => {
		const frames = generateFrames({
			timeline: hold(standingNeutral, 2),
			fps: 15,
			camera: { width: 1280, height: 720, bodyHeightPx: 500 }
		});
		expect(frames).toHaveLength(31);
		frames.forEach((f, i) => expect(f.t).toBeCloseTo(i / 15, 12));
		expect(frames[0]!.body!.width).toBe(1280);
		expect(frames[0]!.body!.height).toBe(720);
	});

	it('is deterministic for a seed', () => {
		const o = {
			timeline: repeat(2, { from: wallAngelLow, to: wallAngelHigh }),
			noise: 'heavy' as const
		};
		expect(generateFrames({ ...o, seed: 3 })).toEqual(generateFrames({ ...o, seed: 3 }));
		expect(generateFrames({ ...o, seed: 3 })).not.toEqual(generateFrames({ ...o, seed: 4 }));
	});

	it('irregular timing and skipped frames keep times strictly increasing', () => {
		const frames = generateFrames({
			timeline: hold(standingNeutral, 10),
			timeJitter: 0.3,
			skipProbability: 0.1,
			seed: 2
		});
		expect(frames.length).toBeLessThan(301);
		expect(frames.length).toBeGreaterThan(240);
		for (let i = 1; i < frames.length; i++) expect(frames[i]!.t).toBeGreaterThan(frames[i - 1]!.t);
	});

	it('simulate returns ground truth shifted by startSeconds, and the camera used', () => {
		const cam = makeCamera({ view: 'side' });
		const sim = simulate({
			timeline: repeat(2, { from: wallAngelLow, to: wallAngelHigh }),
			camera: cam,
			startSeconds: 10
		});
		expect(sim.camera).toBe(cam);
		expect(sim.frames[0]!.t).toBe(10);
		expect(sim.events[0]).toMatchObject({ type: 'rep-start', t: 10, rep: 1 });
	});
});

describe('toTraceJson', () => {
	const frames = generateFrames({
		timeline: repeat(1, { from: wallAngelLow, to: wallAngelHigh }),
		noise: { jitterPx: 2, dropProbability: 0.05, missedFrameProbability: 0.05 },
		seed: 7
	});

	it('writes pose-trace v1 with the 17 COCO names, null frames and score-0 rows for gaps', () => {
		const json = toTraceJson(frames, { fps: 30 });
		expect(json).toMatchObject({
			format: 'pose-trace',
			version: 1,
			model: 'stick-figure',
			width: 640,
			height: 480,
			fps: 30
		});
		expect(json.keypointNames).toEqual([...COCO_KEYPOINTS]);
		expect(json.frames).toHaveLength(frames.length);
		expect(json.frames.some((f) => f.keypoints === null)).toBe(true);
		const rows = json.frames.flatMap((f) => f.keypoints ?? []);
		expect(rows.some((r) => r[2] === 0)).toBe(true);
		for (const r of rows) expect(r).toHaveLength(3);
		// Plain JSON: survives stringify/parse unchanged.
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
	});

	it('round-trips through the app’s trace reader', () => {
		const parsed = readTrace(JSON.parse(JSON.stringify(toTraceJson(frames, { fps: 30 }))));
		expect(parsed.frames).toHaveLength(frames.length);
		parsed.frames.forEach((f, i) => {
			const src = frames[i]!;
			expect(f.t).toBeCloseTo(src.t, 4);
			if (src.body === null) return expect(f.body).toBeNull();
			src.body.keypoints.forEach((k, j) => {
				const r = f.body!.keypoints[j];
				if (k === null) return expect(!r || r.score === 0).toBe(true);
				expect(Math.abs(r!.x - k.x)).toBeLessThanOrEqual(ROUND_TRIP_PX + 1e-9);
				expect(Math.abs(r!.y - k.y)).toBeLessThanOrEqual(ROUND_TRIP_PX + 1e-9);
			});
		});
	});

	it('refuses times that do not increase, and an unknown frame size', () => {
		const bad: PoseFrame[] = [frames[1]!, frames[0]!];
		expect(() => toTraceJson(bad, { fps: 30 })).toThrow(/frame 1/);
		const empty: PoseFrame[] = [{ t: 0, body: null }];
		expect(() => toTraceJson(empty, { fps: 30 })).toThrow(/width and height/);
		expect(toTraceJson(empty, { fps: 30, width: 10, height: 10 }).frames).toEqual([
			{ t: 0, keypoints: null }
		]);
	});
});
