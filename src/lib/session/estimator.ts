/**
 * The one way the app loads a pose model: the model, runtime and backend chosen in Settings; the
 * "Automatic" backend probe (timed once per model on this device and remembered); the watch for
 * a lost GPU and the fallback to WebAssembly; and the words for a model that fails. Used by the
 * workout (app/workout-pipeline.ts) and work mode (app/posture-pipeline.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
	activeBackend,
	estimatorProbe,
	initBackend,
	pickBackend,
	setBackend,
	type BackendName
} from '$lib/pose/backend';
import { isModelLoadError, ModelLoadError } from '$lib/pose/errors';
import { createEstimator } from '$lib/pose/estimator';
import { createWorkerEstimator } from '$lib/pose/worker-estimator';
import type { WorkerLoad } from '$lib/pose/worker-spawn';
import { MODEL_IDS, MODELS, type Runtime } from '$lib/pose/models';
import {
	autoCandidates,
	inferenceMode,
	MODEL_BASE_URL,
	plannedWorkerLoad,
	rememberBackend,
	rememberedBackend,
	resolveModel,
	type InferenceMode
} from './model-plan';
import type { EstimatorLike, LoadedEstimator, ModelChoice } from './types';

export {
	DEFAULT_INFERENCE,
	inferenceMode,
	MODEL_BASE_URL,
	softwareWebGL,
	type InferenceMode
} from './model-plan';

/** Where the app serves the MediaPipe solution (our own origin). */
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
 * The model in a worker, or null where the worker cannot run it (no module workers, the backend
 * does not start there): the page then runs it as before. A model file that is missing or
 * damaged is no reason to try the page: that error is thrown, with the same words.
 */
async function loadInWorker(
	load: WorkerLoad,
	framesInFlight: number
): Promise<LoadedEstimator | null> {
	try {
		const estimator = await createWorkerEstimator({ ...load, framesInFlight });
		return { estimator, backend: load.backend };
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
	const { model, runtime } = resolveModel(choice);
	const auto = choice.backend === 'auto';
	let remembered = auto ? rememberedBackend(model) : null;
	// Asked once, and only when needed: it makes a WebGL context to see whether it is software.
	let candidates: readonly BackendName[] | null = null;
	const autoCandidatesOnce = () => (candidates ??= autoCandidates());
	const planned = await plannedWorkerLoad(
		choice,
		options.inference ?? inferenceMode(),
		autoCandidatesOnce
	);
	if (planned) {
		const loaded = await loadInWorker(planned.load, planned.framesInFlight);
		if (loaded) {
			// "Automatic" with one backend worth trying here (no GPU): that one is the winner, and
			// remembered like a probe's, so the next visit can start the model before the page
			// has loaded (app/early-model.ts) without asking the device again.
			if (auto && !remembered) rememberBackend(model, planned.load.backend);
			return loaded;
		}
	}
	if (runtime === 'tfjs') {
		if (!auto) await setBackend(choice.backend as BackendName);
		else if (remembered) {
			// A remembered backend that no longer starts (driver change) means probing again.
			await setBackend(remembered).catch(async () => {
				remembered = null;
				await initBackend(autoCandidatesOnce());
			});
		} else await initBackend(autoCandidatesOnce());
	}
	const estimator = await createEstimator({
		model,
		runtime,
		modelBaseUrl: MODEL_BASE_URL,
		mediapipeSolutionPath: MEDIAPIPE_PATH
	});
	if (runtime === 'mediapipe') return { estimator, backend: 'mediapipe' };
	if (auto && !remembered && autoCandidatesOnce().length > 1 && (options.probe ?? true)) {
		// Time the real model on each backend and keep the fastest: on a laptop GPU webgl or
		// webgpu win; without a GPU wasm does. Done once per model and remembered.
		onProgress('Checking which engine runs fastest on this device (once)…');
		try {
			const picked = await pickBackend(autoCandidatesOnce(), estimatorProbe(estimator));
			rememberBackend(model, picked.backend);
		} catch (e) {
			estimator.dispose();
			throw e;
		}
	}
	// After the probe, which may have switched the backend.
	return { estimator: watchContextLoss(estimator), backend: activeBackend() ?? 'unknown' };
}
