/**
 * Videos for the analyser: ffprobe/ffmpeg decoding (sizes, rates, frame times, errors) and the
 * squats clip through the real model and the coach with the test-only squat definition.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeExercise } from '../../src/lib/analysis/exercise-report';
import { loadInput } from '../../src/lib/analysis/node/input';
import {
	decodeSize,
	decodeVideo,
	probeVideo,
	VideoError,
	type VideoInfo
} from '../../src/lib/analysis/node/video';
import { squatArmsForward } from '../../src/lib/analysis/test-definitions';
import { getExercise } from '../../src/lib/exercises';

const MEDIA = fileURLToPath(new URL('../fixtures/media/', import.meta.url));
const POSE_1 = path.join(MEDIA, 'tfjs_pose_1.mp4');
const SQUATS = path.join(MEDIA, 'tfjs_pose_squats.mp4');

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'scapula-video-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('probing and decoding', () => {
	it('reads size, rate and length', async () => {
		expect(await probeVideo(POSE_1)).toEqual({
			width: 576,
			height: 576,
			fps: 30,
			duration: 4,
			frames: 120
		});
		const squats = await probeVideo(SQUATS);
		expect(squats).toMatchObject({ width: 720, height: 1280, fps: 5, frames: 65 });
	});

	it('scales down to the decode size, keeping the shape, in even pixels', () => {
		const info: VideoInfo = { width: 720, height: 1280, fps: 5, duration: 13, frames: 65 };
		expect(decodeSize(info, 640)).toEqual({ w: 360, h: 640 });
		expect(decodeSize(info, 256)).toEqual({ w: 144, h: 256 });
		expect(decodeSize({ ...info, width: 1001, height: 333 }, 4096)).toEqual({ w: 1002, h: 334 });
	});

	it('decodes every frame as RGB at its time', async () => {
		const info = await probeVideo(POSE_1);
		const frames: Array<{ index: number; t: number; bytes: number; mean: number }> = [];
		for await (const f of decodeVideo(POSE_1, info, { maxSize: 256 })) {
			let sum = 0;
			for (let i = 0; i < f.data.length; i += 97) sum += f.data[i]!;
			frames.push({
				index: f.index,
				t: f.t,
				bytes: f.data.length,
				mean: sum / (f.data.length / 97)
			});
			expect([f.width, f.height]).toEqual([256, 256]);
		}
		expect(frames).toHaveLength(120);
		expect(frames.every((f) => f.bytes === 256 * 256 * 3)).toBe(true);
		expect(frames[30]!.t).toBeCloseTo(1, 9);
		// A real picture, not a blank buffer.
		expect(frames[0]!.mean).toBeGreaterThan(20);
	});

	it('stops ffmpeg when the reader stops early', async () => {
		const info = await probeVideo(POSE_1);
		let n = 0;
		for await (const f of decodeVideo(POSE_1, info, { maxSize: 128 })) {
			n = f.index + 1;
			if (n === 3) break;
		}
		expect(n).toBe(3);
	});

	it('rejects what is not a video, and says when ffmpeg is missing', async () => {
		const text = path.join(dir, 'notes.mp4');
		await writeFile(text, 'just text\n');
		await expect(probeVideo(text)).rejects.toThrow(VideoError);
		await expect(probeVideo(text)).rejects.toThrow(/not a video ffmpeg can read \(.*Invalid data/);
		await expect(probeVideo(POSE_1, { ffprobe: path.join(dir, 'no-ffprobe') })).rejects.toThrow(
			/was not found; install it/
		);
	});
});

describe('a real clip through the model and the coach', () => {
	// ~5 s on 2 idle cores (65 frames); the margin is for a machine busy with other work.
	it(
		'counts the 2 finished squats of tfjs_pose_squats.mp4, not the 3rd descent',
		{ timeout: 120_000 },
		async () => {
			const input = await loadInput(SQUATS);
			expect(input.kind).toBe('video');
			expect(input.frames).toHaveLength(65);
			expect(input.frames.every((f) => f.body !== null)).toBe(true);
			// Keypoints come back in the video's own pixels, whatever size it was decoded at.
			expect(input.frames[0]!.body!.width).toBe(720);
			const r = analyzeExercise(squatArmsForward, input.frames);
			expect(r.reps).toBe(2);
			// Each squat is done when she is back up: after the bottoms (~2.8 s and ~7.6 s).
			expect(r.repTimes[0]).toBeGreaterThan(2.8);
			expect(r.repTimes[0]).toBeLessThan(4.5);
			expect(r.repTimes[1]).toBeGreaterThan(7.6);
			expect(r.repTimes[1]).toBeLessThan(9.5);
			// And the squat clip has no overhead reach in it.
			expect(analyzeExercise(getExercise('overhead-arm-reach')!, input.frames).reps).toBe(0);
		}
	);
});

describe('the model on worker threads', () => {
	// Two model loads plus 65 frames: ~6 s on 2 idle cores; the margin is for a busy machine.
	it(
		'finds the same person in every frame as one thread, and counts the same squats',
		{ timeout: 180_000 },
		async () => {
			const one = await loadInput(SQUATS, { threads: 1 });
			const two = await loadInput(SQUATS, { threads: 2 });
			expect(two.frames.map((f) => f.t)).toEqual(one.frames.map((f) => f.t));
			expect(two.frames.every((f) => f.body !== null)).toBe(true);
			// Each thread crops from its own previous frame (two back, not one), so keypoints may
			// move a little; the body is the same: mean distance over confident points, px.
			const distances: number[] = [];
			one.frames.forEach((f, i) => {
				const a = f.body!.keypoints;
				const b = two.frames[i]!.body!.keypoints;
				a.forEach((k, j) => {
					const l = b[j];
					if (k && l && k.score > 0.5 && l.score > 0.5)
						distances.push(Math.hypot(k.x - l.x, k.y - l.y));
				});
			});
			expect(distances.length).toBeGreaterThan(65 * 8);
			const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
			// The person is ~1000 px tall in this 720×1280 clip: 1 % of that.
			expect(mean).toBeLessThan(10);
			expect(analyzeExercise(squatArmsForward, two.frames).reps).toBe(2);
		}
	);

	it('a model that fails to load in a thread is reported, not hung on', async () => {
		const { createPosePool } = await import('../../src/lib/analysis/node/pose-pool');
		await expect(
			createPosePool('no-such-model' as unknown as import('../../src/lib/pose/models').ModelId, 2)
		).rejects.toThrow(/did not load/);
	});
});
