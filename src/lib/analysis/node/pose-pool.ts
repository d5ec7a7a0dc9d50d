/**
 * Pose models on several threads for the video analyser. Node's tfjs wasm backend runs on one
 * thread (its multithreaded build needs the browser's Worker), so a video is analysed at the
 * speed of one core: ~15–20 frames a second with MoveNet Lightning here. The pool runs one
 * model per worker thread and deals the frames out in turn (frame i to worker i mod n); each
 * worker keeps its frames in order, so its model's crop region still follows the person (from
 * n frames back instead of one: 1/15 s at 30 fps with two workers).
 *
 * Node only.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Body } from '../../pose/keypoints';
import type { ModelId } from '../../pose/models';

/** One model per core (Node's wasm backend uses one thread each), four at most. */
export function defaultPoseThreads(): number {
	return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** A frame for a worker: its pixels as an RGB `ArrayBuffer` (transferred, not copied). */
export interface PoolRequest {
	id: number;
	width: number;
	height: number;
	data: ArrayBuffer;
	timestampMs: number;
}

export type PoolReply =
	| { ready: true }
	| { failed: string }
	| { id: number; bodies: Body[] }
	| { id: number; error: string };

export interface PosePool {
	readonly size: number;
	/** Bodies found in one RGB frame; frames must be sent in video order. */
	estimate(frame: { width: number; height: number; data: Uint8Array; t: number }): Promise<Body[]>;
	/** Stops the threads (pending frames are rejected). */
	close(): Promise<void>;
}

/**
 * The worker's entry. Run from the TypeScript sources (tsx: the CLI, the benchmarks), a worker
 * thread does not inherit tsx's loader, so a one-line CommonJS stub registers it first.
 */
function startWorker(model: ModelId): Worker {
	const fromSources = import.meta.url.endsWith('.ts');
	const entry = new URL(fromSources ? './pose-worker.ts' : './pose-worker.js', import.meta.url);
	if (!fromSources) return new Worker(entry, { workerData: { model } });
	const stub = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
	return new Worker(stub, { eval: true, workerData: { model } });
}

/** Starts `size` workers and waits until each has loaded the model. */
export async function createPosePool(model: ModelId, size: number): Promise<PosePool> {
	const workers = Array.from({ length: size }, () => startWorker(model));
	const pending = new Map<number, { resolve: (b: Body[]) => void; reject: (e: Error) => void }>();
	let failure: Error | null = null;
	const fail = (e: Error) => {
		failure ??= e;
		for (const p of pending.values()) p.reject(failure);
		pending.clear();
	};

	const ready = workers.map(
		(w) =>
			new Promise<void>((resolve, reject) => {
				w.on('message', (m: PoolReply) => {
					if ('ready' in m) return resolve();
					if ('failed' in m) {
						const e = new Error(`the pose model did not load: ${m.failed}`);
						fail(e);
						return reject(e);
					}
					const p = pending.get(m.id);
					if (!p) return;
					pending.delete(m.id);
					if ('error' in m) p.reject(new Error(m.error));
					else p.resolve(m.bodies);
				});
				w.on('error', (e) => {
					fail(e);
					reject(e);
				});
				w.on('exit', (code) => {
					if (code !== 0) fail(new Error(`a pose-model thread stopped (exit code ${code})`));
				});
			})
	);
	const close = async () => {
		fail(new Error('the pose-model threads were closed'));
		await Promise.all(workers.map((w) => w.terminate()));
	};
	try {
		await Promise.all(ready);
	} catch (e) {
		await close();
		throw e;
	}

	let next = 0;
	return {
		size,
		estimate(frame) {
			if (failure) return Promise.reject(failure);
			const id = next++;
			// The decoder hands over each frame in a buffer of its own: move it, else copy it.
			const whole =
				frame.data.byteOffset === 0 && frame.data.byteLength === frame.data.buffer.byteLength;
			const data = (whole ? frame.data.buffer : frame.data.slice().buffer) as ArrayBuffer;
			const request: PoolRequest = {
				id,
				width: frame.width,
				height: frame.height,
				data,
				timestampMs: frame.t * 1000
			};
			return new Promise<Body[]>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				workers[id % size]!.postMessage(request, [data]);
			});
		},
		close
	};
}
