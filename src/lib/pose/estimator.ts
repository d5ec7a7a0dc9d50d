/**
 * One interface over the pose models of `@tensorflow-models/pose-detection`: load a model from
 * our own files, run it on a frame, get canonical bodies (keypoints.ts) back.
 *
 * Environment-agnostic: no DOM global is touched at import time, so this module loads in Node
 * (the Node loader in `./node/` passes `ioHandlers` that read the files from disk). The
 * pose-detection package is imported lazily, on the first `createEstimator`, so pages that never
 * run a model do not download it.
 *
 * The tfjs backend is whatever tfjs has active (choose it with `./backend.ts`); when none is
 * active yet, `createEstimator` starts the first available with `initBackend()`.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Pose, PoseDetector } from '@tensorflow-models/pose-detection';
import { toBody, type Body } from './keypoints';
import { initBackend } from './backend';
import { FrameReader, modelFrameSide, toFramePixels, type DrawableFrame } from './frame-reader';
import { ModelLoadError, toModelLoadError } from './errors';
import {
	checkWeightBytes,
	expectedWeightBytes,
	fileName,
	getModel,
	modelFileUrl,
	parseModelJson,
	supportsRuntime,
	type ModelId,
	type ModelInfo,
	type Runtime
} from './models';

/** Anything a frame can come as. Tensors are `[height, width, 3]` RGB, 0..255. */
export type EstimatorInput =
	| tf.PixelData
	| ImageData
	| HTMLVideoElement
	| HTMLImageElement
	| HTMLCanvasElement
	| ImageBitmap
	| tf.Tensor3D;

export interface PoseEstimator {
	readonly model: ModelId;
	readonly runtime: Runtime;
	/** Frames whose best body scores below this (see {@link personScore}) give no body. */
	readonly minPersonScore: number;
	/**
	 * Bodies found in one frame, in the frame's pixels: at most one (all our models are
	 * single-person), none when nobody is there. `timestampMs` is the frame time in ms (default:
	 * now). The mediapipe runtime aborts for good on a timestamp that does not increase, so there
	 * a repeated or earlier one is moved 1 ms past the previous. Calls run one at a time.
	 */
	estimate(input: EstimatorInput, timestampMs?: number): Promise<Body[]>;
	/** Forget the previous frame (MoveNet and BlazePose crop around the last pose found). */
	reset(): void;
	/** Free the model's memory; the estimator cannot be used afterwards. */
	dispose(): void;
}

export interface CreateEstimatorOptions {
	model: ModelId;
	/** Defaults to the model's first runtime (`tfjs`). `mediapipe` is for BlazePose only. */
	runtime?: Runtime;
	/** URL (or, with `ioHandlers`, folder) of the model files, e.g. `${base}/models/`. */
	modelBaseUrl: string;
	/** Folder serving `@mediapipe/pose`'s files (runtime `mediapipe`). */
	mediapipeSolutionPath?: string;
	/**
	 * Loads one graph-model JSON file (a name from `MODELS[model].files`, e.g.
	 * `movenet-lightning.json`) with its weights, instead of fetching from `modelBaseUrl`. The
	 * Node loader uses this to read from disk (`file://` URLs do not load in Node).
	 */
	ioHandlers?: (file: string) => tf.io.IOHandler;
	/** The fetch used for `modelBaseUrl` (default: the global one). */
	fetch?: typeof fetch;
	/** Overrides the model's `minPersonScore` (0..1). */
	minPersonScore?: number;
	/**
	 * Run the model once on a blank frame before returning (default true): compiles GPU shaders
	 * and allocates memory now rather than on the first camera frame, and makes a model that
	 * loads but cannot run fail here, as a ModelLoadError.
	 */
	warmup?: boolean;
}

/** Where `static/vendor/mediapipe-pose/` is served (scripts/fetch-models.mjs fills it). */
export const DEFAULT_MEDIAPIPE_SOLUTION_PATH = '/vendor/mediapipe-pose';

/**
 * How many of the best keypoint scores make the person score. Five, because a real person at a
 * desk camera shows at least five confident keypoints (nose, eyes, ears and shoulders in a
 * head-and-shoulders view; one eye, one ear, shoulders and hips from the side) while everything
 * below the chest may be out of frame. The mean over all 17 would punish that framing: a real
 * head-and-shoulders photo averages 0.37 over the 17 with MoveNet Lightning, barely above the
 * baboon photo's 0.17–0.29.
 */
export const PERSON_SCORE_TOP_K = 5;

/** The mean of a body's `k` best keypoint scores (missing keypoints count 0), in 0..1. */
export function personScore(body: Body, k = PERSON_SCORE_TOP_K): number {
	if (k <= 0) return 0;
	const scores = body.keypoints.map((p) => (p && Number.isFinite(p.score) ? p.score : 0));
	scores.sort((a, b) => b - a);
	let sum = 0;
	for (let i = 0; i < k; i++) sum += scores[i] ?? 0;
	return sum / k;
}

/** Width and height of a frame in pixels (a video's intrinsic size, not its CSS box). */
export function frameSize(input: EstimatorInput): { width: number; height: number } {
	if (input instanceof tf.Tensor) return { width: input.shape[1], height: input.shape[0] };
	if ('videoWidth' in input) return { width: input.videoWidth, height: input.videoHeight };
	if ('naturalWidth' in input) return { width: input.naturalWidth, height: input.naturalHeight };
	return { width: input.width, height: input.height };
}

const defaultFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

function messageOf(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

/**
 * A fetch for tfjs's HTTP loader that turns bad responses into `ModelLoadError`s naming the
 * file: an error status or a web page served in place of a model file is `missing`; JSON that
 * does not parse or weights whose size differs from what the JSON declares are `corrupt`.
 * (tfjs itself does not check the status of weight requests and would try to decode a 404
 * page as weights.) One instance serves one model JSON and its weights.
 */
export function checkedModelFetch(baseFetch: typeof fetch = defaultFetch): typeof fetch {
	const expected = new Map<string, number>();
	const checked = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const url = (
			typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
		).replace(/[?#].*$/, '');
		const file = fileName(url);
		let res: Response;
		try {
			res = await baseFetch(input, init);
		} catch (err) {
			throw ModelLoadError.missing(file, `network error: ${messageOf(err)}`, { cause: err });
		}
		if (!res.ok) {
			throw ModelLoadError.missing(file, `HTTP ${res.status}`, { status: res.status });
		}
		const type = res.headers.get('content-type') ?? '';
		if (/text\/html/i.test(type)) {
			// A single-page-app fallback answers unknown paths with index.html and 200.
			throw ModelLoadError.missing(file, `the server sent a web page instead, ${type}`, {
				status: res.status
			});
		}
		const headers = type ? { 'content-type': type } : undefined;
		if (/\.json$/i.test(url)) {
			const text = await res.text();
			const json = parseModelJson(text, file);
			const prefix = url.slice(0, url.lastIndexOf('/') + 1);
			for (const [path, bytes] of expectedWeightBytes(json)) expected.set(prefix + path, bytes);
			return new Response(text, { status: res.status, headers });
		}
		const bytes = await res.arrayBuffer();
		checkWeightBytes(file, bytes.byteLength, expected.get(url));
		return new Response(bytes, { status: res.status, headers });
	};
	return checked as typeof fetch;
}

type PoseDetectionModule = typeof import('@tensorflow-models/pose-detection');

async function loadDetector(
	pd: PoseDetectionModule,
	info: ModelInfo,
	runtime: Runtime,
	opts: CreateEstimatorOptions
): Promise<PoseDetector> {
	const handler = (file: string): tf.io.IOHandler =>
		opts.ioHandlers?.(file) ??
		tf.io.http(modelFileUrl(opts.modelBaseUrl, file), {
			fetchFunc: checkedModelFetch(opts.fetch)
		});

	if (info.family === 'movenet') {
		if (!('model' in info.graphs)) throw new Error(`${info.id}: MoveNet has one graph`);
		return pd.createDetector(pd.SupportedModels.MoveNet, {
			modelType:
				info.variant === 'thunder'
					? pd.movenet.modelType.SINGLEPOSE_THUNDER
					: pd.movenet.modelType.SINGLEPOSE_LIGHTNING,
			modelUrl: handler(info.graphs.model),
			// We filter keypoints ourselves (src/lib/filters), with our own clock.
			enableSmoothing: false
		});
	}
	const modelType = info.variant === 'full' ? 'full' : 'lite';
	if (runtime === 'mediapipe') {
		return pd.createDetector(pd.SupportedModels.BlazePose, {
			runtime: 'mediapipe',
			modelType,
			solutionPath: opts.mediapipeSolutionPath ?? DEFAULT_MEDIAPIPE_SOLUTION_PATH,
			enableSmoothing: false,
			enableSegmentation: false
		});
	}
	if (!('detector' in info.graphs)) throw new Error(`${info.id}: BlazePose has two graphs`);
	return pd.createDetector(pd.SupportedModels.BlazePose, {
		runtime: 'tfjs',
		modelType,
		detectorModelUrl: handler(info.graphs.detector),
		landmarkModelUrl: handler(info.graphs.landmark),
		enableSmoothing: false,
		enableSegmentation: false
	});
}

/**
 * Loads a pose model and returns an estimator for it. Throws `ModelLoadError` when a file is
 * missing or damaged or the backend cannot run it, and a plain `Error` for a programming error
 * (unknown model, runtime the model does not support, threshold outside 0..1).
 */
export async function createEstimator(opts: CreateEstimatorOptions): Promise<PoseEstimator> {
	const info = getModel(opts.model);
	const runtime = opts.runtime ?? info.runtimes[0] ?? 'tfjs';
	if (!supportsRuntime(info.id, runtime)) {
		throw new Error(
			`${info.name} cannot run on the ${runtime} runtime (it runs on ${info.runtimes.join(', ')}).`
		);
	}
	const minPersonScore = opts.minPersonScore ?? info.minPersonScore;
	if (!(minPersonScore >= 0 && minPersonScore <= 1)) {
		throw new Error(`minPersonScore must be in 0..1, got ${minPersonScore}.`);
	}
	const context = {
		modelName: info.name,
		files: info.files,
		backend: runtime === 'mediapipe' ? 'mediapipe' : undefined
	};

	if (runtime === 'mediapipe') {
		if (typeof document === 'undefined') {
			throw ModelLoadError.backend('mediapipe', 'the mediapipe runtime needs a browser page');
		}
	} else {
		try {
			// No backend chosen yet: take the first that starts (webgpu, webgl, wasm).
			if (tf.engine().backendName == null) await initBackend();
			await tf.ready();
		} catch (err) {
			throw err instanceof ModelLoadError
				? err
				: ModelLoadError.backend(tf.engine().backendName ?? 'tfjs', messageOf(err), err);
		}
		context.backend = tf.getBackend();
	}

	let detector: PoseDetector;
	try {
		const pd = await import('@tensorflow-models/pose-detection');
		detector = await loadDetector(pd, info, runtime, opts);
	} catch (err) {
		throw toModelLoadError(err, context);
	}

	const estimator = new DetectorEstimator(info.id, runtime, minPersonScore, detector);
	if (opts.warmup ?? true) {
		try {
			await estimator.warmup();
		} catch (err) {
			estimator.dispose();
			throw toModelLoadError(err, context);
		}
	}
	return estimator;
}

/**
 * A `PoseEstimator` over an already created pose-detection detector (no loading, no warm-up):
 * for callers that build detectors themselves, and for tests with a scripted detector.
 */
export function estimatorFromDetector(
	detector: PoseDetector,
	options: { model: ModelId; runtime?: Runtime; minPersonScore?: number }
): PoseEstimator {
	const info = getModel(options.model);
	return new DetectorEstimator(
		info.id,
		options.runtime ?? info.runtimes[0] ?? 'tfjs',
		options.minPersonScore ?? info.minPersonScore,
		detector
	);
}

/** Side of the blank warm-up frame, in pixels: about a model input, cheap to make. */
const WARMUP_SIZE = 256;

/** Inputs a 2D canvas can draw (not tensors, not raw pixels). */
export function isDrawable(input: EstimatorInput): input is DrawableFrame {
	return (
		!(input instanceof tf.Tensor) &&
		!isPixelData(input) &&
		!(typeof ImageData === 'function' && input instanceof ImageData)
	);
}

function isPixelData(input: EstimatorInput): input is tf.PixelData {
	return !(input instanceof tf.Tensor) && 'data' in input && input.data instanceof Uint8Array;
}

class DetectorEstimator implements PoseEstimator {
	#detector: PoseDetector | null;
	/** The previous estimate, so that calls run one at a time (the models keep state). */
	#queue: Promise<unknown> = Promise.resolve();
	/** The last timestamp given to mediapipe, in ms; never decreases, even across reset(). */
	#lastTimestampMs = -Infinity;
	/** Reads camera frames at the size the model needs (tfjs runtime). */
	readonly #reader: FrameReader;

	constructor(
		readonly model: ModelId,
		readonly runtime: Runtime,
		readonly minPersonScore: number,
		detector: PoseDetector
	) {
		this.#detector = detector;
		this.#reader = new FrameReader(modelFrameSide(model));
	}

	estimate(input: EstimatorInput, timestampMs?: number): Promise<Body[]> {
		const run = this.#queue.then(() => this.#estimate(input, timestampMs));
		this.#queue = run.catch(() => undefined);
		return run;
	}

	async #estimate(input: EstimatorInput, timestampMs?: number): Promise<Body[]> {
		const detector = this.#detector;
		if (!detector) throw new Error('This pose estimator was disposed.');
		let { width, height } = frameSize(input);
		// A <video> before its first frame has no size; there is nothing to look at yet.
		if (!(width > 0 && height > 0)) return [];

		let owned: tf.Tensor3D | null = null;
		let image: Parameters<PoseDetector['estimatePoses']>[0];
		/** Frame pixels per pixel of what the model was given, across and down (> 1 when read smaller). */
		let scale: [number, number] | null = null;
		if (input instanceof tf.Tensor) {
			image = input;
		} else if (this.runtime === 'tfjs') {
			// One tensor from any source, and the frame size taken from it: pose-detection reads a
			// video's size from its width/height attributes (0 unless set), and tfjs draws an
			// <img> at its displayed size, which need not be its natural one. A camera frame is
			// read at the size the model needs (frame-reader.ts), and the keypoints scaled back.
			const small = isDrawable(input) ? this.#reader.read(input, width, height) : null;
			owned = tf.browser.fromPixels(small ?? input, 3);
			image = owned;
			if (small) scale = [width / small.width, height / small.height];
			else [height, width] = owned.shape;
		} else if (isPixelData(input)) {
			image = new ImageData(new Uint8ClampedArray(input.data), input.width, input.height);
		} else {
			image = input;
		}
		let timestamp = timestampMs;
		if (this.runtime === 'mediapipe') {
			timestamp = Math.max(timestampMs ?? performance.now(), this.#lastTimestampMs + 1);
			this.#lastTimestampMs = timestamp;
		}
		try {
			const poses = await detector.estimatePoses(
				image,
				{ maxPoses: 1, flipHorizontal: false },
				timestamp
			);
			return this.#toBodies(scale ? toFramePixels(poses, scale) : poses, width, height);
		} finally {
			owned?.dispose();
		}
	}

	#toBodies(poses: readonly Pose[], width: number, height: number): Body[] {
		const bodies: Body[] = [];
		for (const pose of poses) {
			const body = toBody(pose.keypoints, width, height);
			if (personScore(body) >= this.minPersonScore) bodies.push(body);
		}
		return bodies;
	}

	/** One run on a blank frame; see `CreateEstimatorOptions.warmup`. */
	async warmup(): Promise<void> {
		if (this.runtime === 'mediapipe') {
			// No reset afterwards: mediapipe's reset rebuilds its graph and GL context (20 s in
			// software-rendered Chromium), and a blank frame leaves no person to track anyway.
			await this.estimate(new ImageData(WARMUP_SIZE, WARMUP_SIZE));
			return;
		}
		const blank = tf.zeros([WARMUP_SIZE, WARMUP_SIZE, 3], 'int32') as tf.Tensor3D;
		try {
			await this.estimate(blank);
		} finally {
			blank.dispose();
		}
		this.reset();
	}

	reset(): void {
		this.#detector?.reset();
	}

	dispose(): void {
		this.#detector?.dispose();
		this.#detector = null;
	}
}
