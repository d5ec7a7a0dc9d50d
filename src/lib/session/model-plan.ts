/**
 * Where the chosen pose model will run, decided before anything heavy loads: the page's
 * "Automatic" backend memory (the probe's remembered winner per model), which backends are worth
 * timing on this device, the inference mode, and whether the model goes to a Web Worker. Used by
 * the model loader (estimator.ts) and by the early start of a camera page's model
 * (early-model.ts), which must decide before tfjs has loaded: no tfjs here.
 */
import { DEFAULT_CANDIDATES, DEFAULT_WASM_PATHS, type BackendName } from '$lib/pose/backend-names';
import {
	DEFAULT_MODEL,
	DEFAULT_RUNTIME,
	getModel,
	isModelId,
	type ModelId,
	type Runtime
} from '$lib/pose/models';
import { isWorkerBackend, type WorkerBackend } from '$lib/pose/worker-protocol';
import type { WorkerLoad } from '$lib/pose/worker-spawn';
import { browserStorage, readJson, writeJson } from '$lib/storage/local';
import type { ModelChoice } from './types';

/** Where the app serves the model weights (our own origin). */
export const MODEL_BASE_URL = '/models/';

/** Remembered winners of the auto backend probe, per model (see {@link autoCandidates}). */
const AUTO_KEY = 'scapula:auto-backend';
const storage = browserStorage();

export function rememberedBackend(model: string): BackendName | null {
	const all = readJson(storage, AUTO_KEY, {} as Record<string, string>, isRecord);
	const b = all[model];
	return b && (DEFAULT_CANDIDATES as readonly string[]).includes(b) ? (b as BackendName) : null;
}

export function rememberBackend(model: string, backend: BackendName): void {
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
export function autoCandidates(): BackendName[] {
	const soft = softwareWebGL();
	return DEFAULT_CANDIDATES.filter((b) => !(soft && b === 'webgl'));
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
export async function workerBackend(
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

/**
 * The model and runtime a choice comes to: an unknown model is the default one, and a runtime
 * the model lacks is the default runtime (MoveNet has no MediaPipe runtime here).
 */
export function resolveModel(choice: ModelChoice): { model: ModelId; runtime: Runtime } {
	const model = isModelId(choice.model) ? choice.model : DEFAULT_MODEL;
	const runtime = getModel(model).runtimes.includes(choice.runtime as Runtime)
		? (choice.runtime as Runtime)
		: DEFAULT_RUNTIME;
	return { model, runtime };
}

/** Absolute URL of a same-origin path (a worker resolves relative ones against its own URL). */
export const absolute = (path: string) => new URL(path, globalThis.location.href).href;

/**
 * The worker load for this choice, or null where the model will not run in a worker (the
 * MediaPipe runtime, inference on the page, a GPU backend, or a probe still to run).
 * `framesInFlight` is 2 when pipelined (the next frame is read while the model runs).
 */
export async function plannedWorkerLoad(
	choice: ModelChoice,
	inference: InferenceMode,
	/** The backends worth timing here, asked only if needed (it makes a WebGL context). */
	candidates: () => readonly BackendName[] = autoCandidates
): Promise<{ load: WorkerLoad; framesInFlight: number } | null> {
	const { model, runtime } = resolveModel(choice);
	if (runtime !== 'tfjs' || inference === 'main') return null;
	const remembered = choice.backend === 'auto' ? rememberedBackend(model) : null;
	// Only an "Automatic" choice with nothing remembered looks at the candidates: on a return
	// visit no WebGL context is made to ask whether it runs in software.
	const needed = choice.backend === 'auto' && !remembered;
	const backend = await workerBackend(choice, remembered, needed ? candidates() : []);
	if (!backend) return null;
	return {
		load: {
			model,
			backend,
			modelBaseUrl: absolute(MODEL_BASE_URL),
			wasmPaths: absolute(DEFAULT_WASM_PATHS)
		},
		framesInFlight: inference === 'pipelined' ? 2 : 1
	};
}
