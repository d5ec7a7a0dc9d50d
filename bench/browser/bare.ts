/**
 * The pose model alone, for `bench/run.ts`: the app's own camera constraints, frame loop and
 * estimator (`createEstimator` → `estimate(video)`), and nothing else: no smoothing, coach,
 * overlay or Svelte. Served from the built app's origin (same model files, same wasm), driven
 * through `window.__bare` by the benchmark.
 */
import { cameraConstraints } from '$lib/camera/camera-source';
import { startFrameLoop } from '$lib/camera/frame-loop';
import { setBackend, type BackendName } from '$lib/pose/backend';
import { createEstimator, type PoseEstimator } from '$lib/pose/estimator';
import { FrameReader, modelFrameSide, readSize } from '$lib/pose/frame-reader';
import { getModel, type ModelId } from '$lib/pose/models';
import * as tf from '@tensorflow/tfjs-core';

export interface BareStats {
	/** Frames estimated since `start`. */
	frames: number;
	/** Sum of the estimate() calls, ms. */
	estimateMs: number;
	/** Frames that found a body. */
	withBody: number;
}

export interface BareApi {
	load(model: ModelId, backend: BackendName): Promise<void>;
	start(): Promise<void>;
	stop(): void;
	stats(): BareStats;
	/** Mean ms of `runs` estimates on one pre-made tensor of the model's input size. */
	modelOnly(runs: number): Promise<number>;
	/** Where a frame's time goes: each step of estimate(video) timed apart (start() first). */
	profile(runs: number): Promise<FrameProfile>;
}

/** Mean ms of each step, on the video's current frame, `runs` times each, back to back. */
export interface FrameProfile {
	/** The frame's size, and the size it is read at. */
	frame: [number, number];
	read: [number, number];
	/** drawImage into the small canvas + getImageData (FrameReader.read). */
	readMs: number;
	/** tf.browser.fromPixels of that ImageData (RGBA → int32 RGB tensor), and its dispose. */
	fromPixelsMs: number;
	/** The estimator on a pre-made tensor of the read size (crop, resize, model, keypoints). */
	estimateReadSizeTensorMs: number;
	/** The estimator on a pre-made tensor of the model's input size (modelOnlyMs). */
	estimateInputSizeTensorMs: number;
	/** The estimator on the <video>, all steps (what the frame loop pays). */
	estimateVideoMs: number;
}

const video = document.getElementById('video') as HTMLVideoElement;
let estimator: PoseEstimator | null = null;
let modelId: ModelId = 'movenet-lightning';
let stream: MediaStream | null = null;
let stopLoop: (() => void) | null = null;
let stats: BareStats = { frames: 0, estimateMs: 0, withBody: 0 };

/** Mean ms of `runs` calls of `step`, after one unmeasured call. */
async function timed(runs: number, step: () => unknown): Promise<number> {
	await step();
	const t0 = performance.now();
	for (let i = 0; i < runs; i++) await step();
	return (performance.now() - t0) / runs;
}

const api: BareApi = {
	async load(model, backend) {
		await setBackend(backend);
		modelId = model;
		estimator = await createEstimator({ model, modelBaseUrl: '/models/' });
	},
	async start() {
		const est = estimator;
		if (!est) throw new Error('load() first');
		stream ??= await navigator.mediaDevices.getUserMedia(cameraConstraints(undefined, true));
		video.srcObject = stream;
		await video.play();
		stats = { frames: 0, estimateMs: 0, withBody: 0 };
		stopLoop = startFrameLoop(video, async () => {
			if (video.readyState < 2 || video.videoWidth === 0) return;
			const t0 = performance.now();
			const bodies = await est.estimate(video, t0);
			stats.estimateMs += performance.now() - t0;
			stats.frames++;
			if (bodies.length > 0) stats.withBody++;
		});
	},
	stop() {
		stopLoop?.();
		stopLoop = null;
		video.pause();
	},
	stats: () => ({ ...stats }),
	async modelOnly(runs) {
		const est = estimator;
		if (!est) throw new Error('load() first');
		const size = getModel(modelId).inputSize;
		// Random pixels, not a blank: a blank frame finds nobody and may take a shorter path.
		const input = tf.tidy(() => tf.randomUniform([size, size, 3], 0, 255, 'int32')) as tf.Tensor3D;
		try {
			return await timed(runs, () => est.estimate(input));
		} finally {
			input.dispose();
			est.reset();
		}
	},
	async profile(runs) {
		const est = estimator;
		if (!est || video.readyState < 2) throw new Error('start() first');
		video.pause(); // one frame throughout: every step sees the same picture
		try {
			const [w, h] = [video.videoWidth, video.videoHeight];
			const reader = new FrameReader(modelFrameSide(modelId));
			const size = readSize(w, h, reader.maxSide);
			const readMs = await timed(runs, () => reader.read(video, w, h));
			const pixels = reader.read(video, w, h) ?? new ImageData(size.width, size.height);
			const fromPixelsMs = await timed(runs, () => tf.browser.fromPixels(pixels, 3).dispose());
			const readSized = tf.browser.fromPixels(pixels, 3);
			const inputSize = getModel(modelId).inputSize;
			const inputSized = tf.tidy(() =>
				tf.cast(tf.image.resizeBilinear(readSized, [inputSize, inputSize]), 'int32')
			) as tf.Tensor3D;
			try {
				return {
					frame: [w, h],
					read: [size.width, size.height],
					readMs,
					fromPixelsMs,
					estimateReadSizeTensorMs: await timed(runs, () => est.estimate(readSized)),
					estimateInputSizeTensorMs: await timed(runs, () => est.estimate(inputSized)),
					estimateVideoMs: await timed(runs, () => est.estimate(video))
				};
			} finally {
				readSized.dispose();
				inputSized.dispose();
			}
		} finally {
			await video.play();
		}
	}
};

(window as unknown as { __bare: BareApi }).__bare = api;
