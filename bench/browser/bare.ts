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
}

const video = document.getElementById('video') as HTMLVideoElement;
let estimator: PoseEstimator | null = null;
let modelId: ModelId = 'movenet-lightning';
let stream: MediaStream | null = null;
let stopLoop: (() => void) | null = null;
let stats: BareStats = { frames: 0, estimateMs: 0, withBody: 0 };

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
			await est.estimate(input);
			const t0 = performance.now();
			for (let i = 0; i < runs; i++) await est.estimate(input);
			return (performance.now() - t0) / runs;
		} finally {
			input.dispose();
			est.reset();
		}
	}
};

(window as unknown as { __bare: BareApi }).__bare = api;
