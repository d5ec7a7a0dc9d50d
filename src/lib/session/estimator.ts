/**
 * The one way the app loads a pose model: the model, runtime and backend chosen in Settings; the
 * "Automatic" backend probe (timed once per model on this device and remembered); the watch for
 * a lost GPU and the fallback to WebAssembly; and the words for a model that fails. Used by the
 * workout (app/workout-pipeline.ts) and work mode (app/posture-pipeline.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
	activeBackend,
	DEFAULT_CANDIDATES,
	DEFAULT_WASM_PATHS,
	estimatorProbe,
	initBackend,
	pickBackend,
	setBackend,
	type BackendName
} from '$lib/pose/backend';
import { isModelLoadError, ModelLoadError } from '$lib/pose/errors';
import { createEstimator } from '$lib/pose/estimator';
import { createWorkerEstimator } from '$lib/pose/worker-estimator';
import { isWorkerBackend, type WorkerBackend } from '$lib/pose/worker-protocol';
import {
	DEFAULT_MODEL,
	DEFAULT_RUNTIME,
	MODEL_IDS,
	MODELS,
	getModel,
	isModelId,
	type ModelId,
	type Runtime
} from '$lib/pose/models';
import { browserStorage, readJson, writeJson } from '$lib/storage/local';
import type { EstimatorLike, LoadedEstimator, ModelChoice } from './types';

/** Where the app serves the model weights and the MediaPipe solution (our own origin). */
export const MODEL_BASE_URL = '/models/';
export const MEDIAPIPE_PATH = '/vendor/mediapipe-pose/';

export interface ModelOption {
	id: string;
	label: string;
	/** Download size, for the loading message ("~5 MB"). */
	size: string;
	description: string;
	runtimes: readonly Runtime[];
}

/** Approximate download sizes (MB) of each model's files, from models/manifest.json. */
const SIZES_MB: Record<string, number> = {
	'movenet-lightning': 4.8,
	'movenet-thunder': 12.6,
	'blazepose-lite': 6.1 + 2.9,
	'blazepose-full': 6.1 + 6.5
};

const DESCRIPTIONS: Record<string, string> = {
	'movenet-lightning': 'Fast and light; a good start on any computer.',
	'movenet-thunder': 'More precise, about four times slower.',
	'blazepose-lite': 'Follows one person closely; good for side views.',
	'blazepose-full': 'BlazePose with more detail; needs a faster computer.'
};

export function modelOptions(): ModelOption[] {
	return MODEL_IDS.map((id) => {
		const m = MODELS[id];
		const mb = SIZES_MB[id];
		const size = mb === undefined ? 'a few MB' : `~${Math.round(mb)} MB`;
		return {
			id,
			label: `${m.name} (${size})`,
			size,
			description: DESCRIPTIONS[id] ?? '',
			runtimes: m.runtimes
		};
	});
}

export function describeModelError(error: unknown): { title: string; message: string } {
	if (isModelLoadError(error)) {
		const title =
			error.kind === 'missing'
				? 'The pose model could not be downloaded'
				: error.kind === 'corrupt'
					? 'The pose model files are damaged'
					: error.kind === 'backend'
						? 'The pose model could not run here'
						: 'The pose model failed';
		const hint =
			error.kind === 'backend'
				? ' Open Settings and choose "WebAssembly (processor)", then try again.'
				: '';
		return { title, message: error.message + hint };
	}
	const message = error instanceof Error ? error.message : String(error);
	return {
		title: 'The pose model failed',
		message: `${message}. Try again, or pick another model or backend in Settings.`
	};
}

export interface LoadOptions {
	/**
	 * Time the model on each backend when "Automatic" has no remembered winner (default true).
	 * Work mode passes false: it starts at once on the first backend that works and reuses the
	 * winner a workout measured.
	 */
	probe?: boolean;
	/** Where the model runs (default: {@link inferenceMode}). */
	inference?: InferenceMode;
}

/** Remembered winners of the auto backend probe, per model (see {@link autoCandidates}). */
const AUTO_KEY = 'scapula:auto-backend';
const storage = browserStorage();

function rememberedBackend(model: string): BackendName | null {
	const all = readJson(storage, AUTO_KEY, {} as Record<string, string>, isRecord);
	const b = all[model];
	return b && (DEFAULT_CANDIDATES as readonly string[]).includes(b) ? (b as BackendName) : null;
}

function rememberBackend(model: string, backend: BackendName): void {
	const all = readJson(storage, AUTO_KEY, {} as Record<string, string>, isRecord);
	writeJson(storage, AUTO_KEY, { ...all, [model]: backend });
}

const isRecord = (v: unknown): v is Record<string, string> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True when WebGL runs in software (SwiftShader, llvmpipe, softpipe): there it is about 9×
 * slower than wasm (MoveNet Lightning in Chromium on 2 cores without a GPU: 292 ms a frame on
 * software WebGL, 32 ms on wasm), and timing it costs tens of seconds of shader
 * compilation, so the auto probe skips it.
 */
export function softwareWebGL(doc: Document | undefined = globalThis.document): boolean {
	if (!doc) return false;
	try {
		const canvas = doc.createElement('canvas');
		const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as
			WebGLRenderingContext | WebGL2RenderingContext | null;
		if (!gl) return false;
		const ext = gl.getExtension('WEBGL_debug_renderer_info');
		const renderer = String(
			ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)
		);
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
	} catch {
		return false;
	}
}

/** Backends worth timing here: all but a software-rendered WebGL. */
function autoCandidates(): BackendName[] {
	const soft = softwareWebGL();
	return DEFAULT_CANDIDATES.filter((b) => !(soft && b === 'webgl'));
}

/** Marks the error a lost GPU context gives, so the session can fall back to wasm. */
const CONTEXT_LOST = 'the WebGL context was lost';

/**
 * On the webgl backend, a lost WebGL context (driver reset, GPU switch, too many contexts,
 * `WEBGL_lose_context`) does not make tfjs throw: every model run returns garbage and nobody is
 * ever found again. This wrapper checks the context around each estimate and throws instead,
 * which the session turns into a switch to WebAssembly (see `fallback` below).
 */
function watchContextLoss(estimator: EstimatorLike): EstimatorLike {
	const gl = (tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext } } | null)?.gpgpu?.gl;
	if (activeBackend() !== 'webgl' || !gl) return estimator;
	const check = () => {
		if (gl.isContextLost()) throw ModelLoadError.backend('webgl', CONTEXT_LOST);
	};
	return {
		async estimate(input, timestampMs) {
			check();
			const bodies = await estimator.estimate(input, timestampMs);
			check();
			return bodies;
		},
		reset: () => estimator.reset(),
		dispose() {
			try {
				estimator.dispose();
			} catch {
				// The lost context took the model's memory with it.
			}
		}
	};
}

/** The model failed mid-session on the GPU: load it on WebAssembly (the processor) instead. */
export function fallback(
	choice: ModelChoice,
	error: unknown
): { choice: ModelChoice; message: string } | null {
	const onGpu = activeBackend() === 'webgl' || activeBackend() === 'webgpu';
	if (!onGpu || !isModelLoadError(error) || error.kind !== 'backend') return null;
	const lost = error.message.includes(CONTEXT_LOST);
	return {
		choice: { ...choice, runtime: 'tfjs', backend: 'wasm' },
		message: `${lost ? 'The graphics card stopped (its WebGL context was lost)' : 'The graphics card failed'}: switched to WebAssembly (the processor). Your reps and holds are kept.`
	};
}

/**
 * Where the model runs: on the page's main thread, or in a Web Worker (pose/worker-estimator.ts)
 * one frame at a time, or `pipelined`: in the worker, with the next frame read and sent while
 * the model works on one.
 */
export type InferenceMode = 'main' | 'worker' | 'pipelined';
const INFERENCE_MODES: readonly string[] = ['main', 'worker', 'pipelined'];
export const DEFAULT_INFERENCE: InferenceMode = 'pipelined';

/**
 * The inference mode: `?inference=main|worker|pipelined` in the page's URL (the benchmark
 * compares them in one run, bench/run.ts `--inference`), else {@link DEFAULT_INFERENCE}.
 */
export function inferenceMode(search: string = globalThis.location?.search ?? ''): InferenceMode {
	const asked = new URLSearchParams(search).get('inference') ?? '';
	return INFERENCE_MODES.includes(asked) ? (asked as InferenceMode) : DEFAULT_INFERENCE;
}

/** True when WebGPU has a hardware adapter here (none, or only a software fallback: false). */
async function hasGpuAdapter(): Promise<boolean> {
	type Gpu = { requestAdapter(): Promise<{ isFallbackAdapter?: boolean } | null> };
	const gpu = (globalThis.navigator as { gpu?: Gpu } | undefined)?.gpu;
	if (!gpu) return false;
	try {
		const adapter = await gpu.requestAdapter();
		return adapter !== null && adapter.isFallbackAdapter !== true;
	} catch {
		return false;
	}
}

/**
 * The processor backend the model can run on in a worker, or null where it stays on the page: a
 * GPU backend chosen or remembered (a worker may lack the canvas or device it needs), or
 * "Automatic" on a device where a GPU backend is still to be timed against wasm (the probe runs
 * on the page, and its winner is remembered: the next load goes to the worker if wasm won).
 */
async function workerBackend(
	choice: ModelChoice,
	remembered: BackendName | null,
	candidates: readonly BackendName[]
): Promise<WorkerBackend | null> {
	if (choice.backend !== 'auto') return isWorkerBackend(choice.backend) ? choice.backend : null;
	if (remembered) return isWorkerBackend(remembered) ? remembered : null;
	const gpu = candidates.includes('webgpu') && (await hasGpuAdapter());
	const left = candidates.filter((b) => b !== 'webgpu' || gpu);
	return left.length === 1 && isWorkerBackend(left[0]) ? left[0] : null;
}

/** Absolute URL of a same-origin path (a worker resolves relative ones against its own URL). */
const absolute = (path: string) => new URL(path, globalThis.location.href).href;

/**
 * The model in a worker, or null where the worker cannot run it (no module workers, the backend
 * does not start there): the page then runs it as before. A model file that is missing or
 * damaged is no reason to try the page: that error is thrown, with the same words.
 */
async function loadInWorker(
	model: ModelId,
	backend: WorkerBackend,
	framesInFlight: number
): Promise<LoadedEstimator | null> {
	try {
		const estimator = await createWorkerEstimator({
			model,
			backend,
			framesInFlight,
			modelBaseUrl: absolute(MODEL_BASE_URL),
			wasmPaths: absolute(DEFAULT_WASM_PATHS)
		});
		return { estimator, backend };
	} catch (e) {
		if (isModelLoadError(e) && (e.kind === 'missing' || e.kind === 'corrupt')) throw e;
		console.warn('The pose model cannot run in a worker here; running it on the page.', e);
		return null;
	}
}

export async function loadEstimator(
	choice: ModelChoice,
	onProgress: (detail: string) => void,
	options: LoadOptions = {}
): Promise<LoadedEstimator> {
	const model = isModelId(choice.model) ? choice.model : DEFAULT_MODEL;
	const info = getModel(model);
	const runtime = info.runtimes.includes(choice.runtime as Runtime)
		? (choice.runtime as Runtime)
		: DEFAULT_RUNTIME;
	const auto = choice.backend === 'auto';
	let remembered = auto ? rememberedBackend(model) : null;
	const candidates = autoCandidates();
	const inference = options.inference ?? inferenceMode();
	if (runtime === 'tfjs' && inference !== 'main') {
		const backend = await workerBackend(choice, remembered, candidates);
		const loaded =
			backend && (await loadInWorker(model, backend, inference === 'pipelined' ? 2 : 1));
		if (loaded) return loaded;
	}
	if (runtime === 'tfjs') {
		if (!auto) await setBackend(choice.backend as BackendName);
		else if (remembered) {
			// A remembered backend that no longer starts (driver change) means probing again.
			await setBackend(remembered).catch(async () => {
				remembered = null;
				await initBackend(candidates);
			});
		} else await initBackend(candidates);
	}
	const estimator = await createEstimator({
		model,
		runtime,
		modelBaseUrl: MODEL_BASE_URL,
		mediapipeSolutionPath: MEDIAPIPE_PATH
	});
	if (runtime === 'mediapipe') return { estimator, backend: 'mediapipe' };
	if (auto && !remembered && candidates.length > 1 && (options.probe ?? true)) {
		// Time the real model on each backend and keep the fastest: on a laptop GPU webgl or
		// webgpu win; without a GPU wasm does. Done once per model and remembered.
		onProgress('Checking which engine runs fastest on this device (once)…');
		try {
			const picked = await pickBackend(candidates, estimatorProbe(estimator));
			rememberBackend(model, picked.backend);
		} catch (e) {
			estimator.dispose();
			throw e;
		}
	}
	// After the probe, which may have switched the backend.
	return { estimator: watchContextLoss(estimator), backend: activeBackend() ?? 'unknown' };
}
