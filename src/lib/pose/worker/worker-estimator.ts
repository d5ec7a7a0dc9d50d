/**
 * The pose model run in a dedicated worker, for the wasm backend. On wasm the model is plain
 * computation (≈ 55 ms a frame for MoveNet Lightning on this machine's processor): on the page's
 * main thread it held up everything else the page does per frame — the overlay, the counters,
 * style, layout and the compositor commit — and they held it up in turn, so the whole app ran at
 * 0.8× the model's frame rate (bench/results.json, pipelineRatio 1.25). In a worker the model
 * runs beside the page's own work instead of between it. (WebGL and WebGPU compute on the GPU
 * and keep the main thread free already; MediaPipe needs a page; those stay on the page.)
 *
 * Frames go over as ImageBitmaps, transferred rather than copied; bodies come back in the
 * frame's pixels, exactly as the in-page estimator gives them.
 */
import { ModelLoadError } from '../errors';
import type { Body } from '../keypoints';
import type { ModelId } from '../models';
import { fromWireError, type FromWorker, type ToWorker } from './protocol';

export interface WorkerEstimator {
	readonly model: ModelId;
	readonly backend: string;
	estimate(input: ImageBitmapSource, timestampMs?: number): Promise<Body[]>;
	reset(): void;
	/** tfjs tensors and bytes held in the worker (for the soak benchmark). */
	memory(): Promise<{ numTensors: number; numBytes: number }>;
	dispose(): void;
}

/** True where a worker can run the model: module workers, ImageBitmap, OffscreenCanvas 2D. */
export function workerEstimatorSupported(g: typeof globalThis = globalThis): boolean {
	return (
		typeof g.Worker === 'function' &&
		typeof g.createImageBitmap === 'function' &&
		typeof g.OffscreenCanvas === 'function'
	);
}

/** The worker itself could not start or run (its script failed to load, say), before loading. */
export class WorkerStartError extends Error {
	override readonly name = 'WorkerStartError';
}

type Pending = { resolve(v: unknown): void; reject(e: unknown): void };

/**
 * Starts the worker and loads `model` on its wasm backend. Rejects with the worker's
 * ModelLoadError (missing or damaged file, backend) as the in-page loader would.
 */
export function createWorkerEstimator(opts: {
	model: ModelId;
	modelBaseUrl: string;
}): Promise<WorkerEstimator> {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./pose.worker.ts', import.meta.url), {
			type: 'module',
			name: 'pose-model'
		});
	} catch (err) {
		return Promise.reject(new WorkerStartError(`no worker for the pose model: ${String(err)}`));
	}
	const pending = new Map<number, Pending>();
	let nextId = 1;
	let dead: Error | null = null;
	const post = (msg: ToWorker, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);

	const stop = (err: Error) => {
		dead ??= err;
		worker.terminate();
		for (const p of pending.values()) p.reject(dead);
		pending.clear();
	};

	return new Promise((resolveLoad, rejectLoad) => {
		let loaded = false;
		worker.onerror = (e) => {
			e.preventDefault();
			const reason = `the pose model's worker stopped${e.message ? `: ${e.message}` : ''}`;
			// Before the model loaded, the caller can still run it on the page instead.
			const err = loaded ? ModelLoadError.backend('wasm', reason) : new WorkerStartError(reason);
			rejectLoad(err);
			stop(err);
		};
		worker.onmessage = (e: MessageEvent<FromWorker>) => {
			const msg = e.data;
			if (msg.type === 'loaded') {
				loaded = true;
				resolveLoad(estimator(msg.backend));
				return;
			}
			if (msg.type === 'error' && msg.id === null) {
				const err = fromWireError(msg.error);
				rejectLoad(err);
				stop(err);
				return;
			}
			const p = msg.id === null ? undefined : pending.get(msg.id);
			if (!p || msg.id === null) return;
			pending.delete(msg.id);
			if (msg.type === 'error') p.reject(fromWireError(msg.error));
			else if (msg.type === 'bodies') p.resolve(msg.bodies);
			else p.resolve({ numTensors: msg.numTensors, numBytes: msg.numBytes });
		};
		post({ type: 'load', model: opts.model, modelBaseUrl: opts.modelBaseUrl });
	});

	function request<T>(make: (id: number) => [ToWorker, Transferable[]]): Promise<T> {
		if (dead) return Promise.reject(dead);
		const id = nextId++;
		const [msg, transfer] = make(id);
		return new Promise<T>((resolve, reject) => {
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			post(msg, transfer);
		});
	}

	function estimator(backend: string): WorkerEstimator {
		return {
			model: opts.model,
			backend,
			async estimate(input, timestampMs = performance.now()) {
				if (dead) throw dead;
				const frame = await createImageBitmap(input);
				return request<Body[]>((id) => [{ type: 'estimate', id, frame, timestampMs }, [frame]]);
			},
			reset: () => {
				if (!dead) post({ type: 'reset' });
			},
			memory: () => request((id) => [{ type: 'memory', id }, []]),
			dispose: () => stop(new Error('This pose estimator was disposed.'))
		};
	}
}
