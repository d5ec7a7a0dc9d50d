/**
 * Starting the pose worker (estimator.worker.ts) and loading its model, apart from the
 * estimator that later uses it (worker-estimator.ts), so that the start can come early: a
 * camera page can begin the worker's ~1 s of script, wasm and weights while the page itself is
 * still loading (session/early-model.ts), and the estimator adopts that worker when it asks for
 * the same model.
 *
 * No tfjs here: this module is loaded before the page, and must stay small.
 */
import { deserializeError, type FromWorker, type ToWorker } from './worker-protocol';

/** What a worker is asked to load. */
export type WorkerLoad = Omit<Extract<ToWorker, { type: 'load' }>, 'type'>;

/** A started worker and its model load. */
export interface SpawnedWorker {
	readonly worker: Worker;
	readonly load: WorkerLoad;
	/** Resolves once the model is loaded there; rejects with the worker's error (ModelLoadError). */
	readonly loaded: Promise<{ minPersonScore: number }>;
}

/** Starts a worker and asks it to load the model; the worker is terminated if the load fails. */
export function spawnPoseWorker(load: WorkerLoad): SpawnedWorker {
	const worker = new Worker(new URL('./estimator.worker.ts', import.meta.url), {
		type: 'module',
		name: 'pose-model'
	});
	const loaded = new Promise<{ minPersonScore: number }>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<FromWorker>) => {
			const m = event.data;
			if (m.type === 'loaded') resolve(m);
			else if (m.type === 'load-failed') reject(deserializeError(m.error));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			reject(new Error(`The pose worker did not start: ${event.message || 'script error'}`));
		};
		const message: ToWorker = { type: 'load', ...load };
		worker.postMessage(message);
	});
	// A failed load ends the worker. (This handler also means a load that fails before anyone
	// awaits it, an early start's, is not an unhandled rejection; whoever awaits it gets the error.)
	loaded.catch(() => worker.terminate());
	return { worker, load, loaded };
}

const sameLoad = (a: WorkerLoad, b: WorkerLoad) =>
	a.model === b.model &&
	a.backend === b.backend &&
	a.modelBaseUrl === b.modelBaseUrl &&
	a.wasmPaths === b.wasmPaths;

/**
 * A worker started ahead of its estimator waits this long to be adopted (ms). The camera pages
 * that start one ask for it as they mount, well within this; a worker nobody adopts (the person
 * went to another page first) is not left holding the model's memory.
 */
const UNCLAIMED_MS = 30_000;

let early: { spawned: SpawnedWorker; expiry: ReturnType<typeof setTimeout> } | null = null;
/** Once a page has asked for its worker, an early start would be a second one: too late. */
let claimed = false;

/** Starts a worker ahead of its estimator (see the module comment); once at a time. */
export function startPoseWorkerEarly(load: WorkerLoad): void {
	if (early || claimed) return;
	const spawned = spawnPoseWorker(load);
	const expiry = setTimeout(() => {
		if (early?.spawned !== spawned) return;
		early = null;
		spawned.worker.terminate();
	}, UNCLAIMED_MS);
	early = { spawned, expiry };
}

/**
 * The worker started early for this load, else a new one. An early worker loading something
 * else (the person changed the model in Settings since) is stopped.
 */
export function claimPoseWorker(load: WorkerLoad): SpawnedWorker {
	claimed = true;
	const waiting = early;
	early = null;
	if (waiting) {
		clearTimeout(waiting.expiry);
		if (sameLoad(waiting.spawned.load, load)) return waiting.spawned;
		waiting.spawned.worker.terminate();
	}
	return spawnPoseWorker(load);
}
