/**
 * Choosing the tfjs compute backend: time each candidate on the real workload and keep the
 * fastest, or honour the user's choice. No Svelte, no DOM access at import time; the tfjs side
 * is behind a small `BackendHost` so the choice logic is tested with a fake host and clock.
 *
 * Which backend wins depends on the device: on a laptop GPU webgl/webgpu are several times
 * faster than wasm, while with software rendering (no GPU, as on CI) webgl is about 9× slower
 * than wasm (MoveNet Lightning: 292 vs 32 ms/frame in Chromium here). Hence measuring, not
 * guessing.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ModelLoadError } from './errors';
import type { PoseEstimator } from './estimator';

import { DEFAULT_CANDIDATES, DEFAULT_WASM_PATHS, type BackendName } from './backend-names';

export { DEFAULT_CANDIDATES, DEFAULT_WASM_PATHS, type BackendName } from './backend-names';

/** One unit of work to time on the active backend; it must wait until the result is ready. */
export type Probe = () => Promise<unknown> | unknown;

export interface BackendTiming {
	backend: BackendName;
	ok: boolean;
	/** Mean of `runsMs`, in milliseconds; null when the backend failed. */
	msPerRun: number | null;
	/** Each timed run, in milliseconds (warm-up runs excluded). */
	runsMs: number[];
	/** Why the backend could not be used. */
	error?: string;
}

export interface BackendChoice {
	/** The fastest backend, now active. */
	backend: BackendName;
	/** Every candidate, in the order tried. */
	timings: BackendTiming[];
}

/** The tfjs operations backend selection needs; see {@link tfjsBackendHost}. */
export interface BackendHost {
	/** Loads the backend's package so tfjs knows it (a no-op when already loaded). */
	register(name: BackendName): Promise<void>;
	/** Activates a backend; false (or a throw) when it cannot start here. */
	setBackend(name: BackendName): Promise<boolean>;
	/** A clock in milliseconds. */
	now(): number;
}

export interface HostOptions {
	/**
	 * Folder (URL) of the tfjs wasm binaries, set before the wasm backend first starts.
	 * Default {@link DEFAULT_WASM_PATHS}; null leaves the paths alone (the Node loader sets its own).
	 */
	wasmPaths?: string | null;
}

/** The real host: lazy-imports each backend package, so unused ones are never downloaded. */
export function tfjsBackendHost(options: HostOptions = {}): BackendHost {
	const wasmPaths = options.wasmPaths === undefined ? DEFAULT_WASM_PATHS : options.wasmPaths;
	return {
		async register(name) {
			switch (name) {
				case 'webgpu':
					// Registers itself only where navigator.gpu exists.
					await import('@tensorflow/tfjs-backend-webgpu');
					return;
				case 'webgl':
					// Registers itself only in a browser.
					await import('@tensorflow/tfjs-backend-webgl');
					return;
				case 'wasm': {
					const wasm = await import('@tensorflow/tfjs-backend-wasm');
					// Paths can be set only before the backend starts; once started they are fixed.
					if (wasmPaths !== null && !tf.findBackend('wasm')) wasm.setWasmPaths(wasmPaths);
					return;
				}
				case 'cpu':
					await import('@tensorflow/tfjs-backend-cpu');
					return;
			}
		},
		async setBackend(name) {
			if (!tf.findBackendFactory(name)) return false;
			const ok = await tf.setBackend(name);
			if (ok) await tf.ready();
			return ok;
		},
		now: () => performance.now()
	};
}

export interface PickBackendOptions {
	/** Untimed runs first: shader compilation, weight upload, wasm start (default 2). */
	warmupRuns?: number;
	/** Timed runs whose mean decides (default 3). */
	timedRuns?: number;
	/**
	 * Stop timing a backend once its timed runs add up to this many ms (default 3000), so a
	 * software-rendered webgl taking a second per frame does not hold the page for long.
	 */
	budgetMs?: number;
	host?: BackendHost;
	/** Called after each candidate, e.g. to show progress. */
	onTiming?: (timing: BackendTiming) => void;
}

function messageOf(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

/**
 * Times `probe` on each available candidate and activates the fastest. Candidates that fail to
 * register, start or run are reported in `timings` with their error. Throws ModelLoadError
 * (kind `backend`) when none works.
 */
export async function pickBackend(
	candidates: readonly BackendName[] = DEFAULT_CANDIDATES,
	probe: Probe = matmulProbe(),
	options: PickBackendOptions = {}
): Promise<BackendChoice> {
	const host = options.host ?? tfjsBackendHost();
	const warmupRuns = options.warmupRuns ?? 2;
	const timedRuns = Math.max(1, options.timedRuns ?? 3);
	const budgetMs = options.budgetMs ?? 3000;
	const timings: BackendTiming[] = [];

	for (const backend of candidates) {
		const timing: BackendTiming = { backend, ok: false, msPerRun: null, runsMs: [] };
		try {
			await host.register(backend);
			if (!(await host.setBackend(backend))) {
				timing.error = 'not available here';
			} else {
				for (let i = 0; i < warmupRuns; i++) await probe();
				let spent = 0;
				for (let i = 0; i < timedRuns && spent < budgetMs; i++) {
					const t0 = host.now();
					await probe();
					const ms = host.now() - t0;
					timing.runsMs.push(ms);
					spent += ms;
				}
				timing.msPerRun = timing.runsMs.reduce((a, b) => a + b, 0) / timing.runsMs.length;
				timing.ok = true;
			}
		} catch (err) {
			timing.error = messageOf(err);
			timing.runsMs = [];
		}
		timings.push(timing);
		options.onTiming?.(timing);
	}

	let best: BackendTiming | null = null;
	for (const t of timings) {
		if (t.ok && t.msPerRun !== null && (best === null || t.msPerRun < (best.msPerRun ?? Infinity)))
			best = t;
	}
	if (!best) {
		const tried = timings.map((t) => `${t.backend}: ${t.error ?? 'failed'}`).join('; ');
		throw ModelLoadError.backend(candidates.join('/') || 'any', `none could run: ${tried}`);
	}
	if (!(await host.setBackend(best.backend))) {
		throw ModelLoadError.backend(best.backend, 'it ran the probe but could not be reactivated');
	}
	return { backend: best.backend, timings };
}

/**
 * Activates `name` (a user's explicit choice). Throws ModelLoadError (kind `backend`) when it
 * cannot start here, leaving the previous backend active.
 */
export async function setBackend(
	name: BackendName,
	host: BackendHost = tfjsBackendHost()
): Promise<void> {
	let ok = false;
	let cause: unknown;
	try {
		await host.register(name);
		ok = await host.setBackend(name);
	} catch (err) {
		cause = err;
	}
	if (!ok) {
		throw ModelLoadError.backend(
			name,
			cause === undefined ? 'it is not available here' : messageOf(cause),
			cause
		);
	}
}

/**
 * Activates the first candidate that starts, without timing: enough to load a model, which
 * can then serve as the probe of {@link pickBackend}.
 */
export async function initBackend(
	candidates: readonly BackendName[] = DEFAULT_CANDIDATES,
	host: BackendHost = tfjsBackendHost()
): Promise<BackendName> {
	const errors: string[] = [];
	for (const name of candidates) {
		try {
			await setBackend(name, host);
			return name;
		} catch (err) {
			errors.push(`${name}: ${messageOf(err)}`);
		}
	}
	throw ModelLoadError.backend(
		candidates.join('/') || 'any',
		`none could start: ${errors.join('; ')}`
	);
}

/** The active tfjs backend's name, or null before one is set. */
export function activeBackend(): string | null {
	return tf.getBackend() ?? null;
}

/**
 * A probe without a model: a `size`×`size` float32 matrix product (256: about 34 MFLOP, a
 * few ms on wasm), read back so the GPU work is waited for.
 */
export function matmulProbe(size = 256): Probe {
	return async () => {
		const a = tf.ones([size, size]);
		const b = tf.matMul(a, a);
		try {
			await b.data();
		} finally {
			a.dispose();
			b.dispose();
		}
	};
}

/**
 * A probe running the actual estimator on a blank `size`×`size` frame (default 256, about a
 * model input), resetting it after each run so no crop state carries into the camera frames.
 * BlazePose's landmark model does not run on a blank frame (its detector finds nobody), so for
 * BlazePose this times the detector only.
 */
export function estimatorProbe(estimator: PoseEstimator, size = 256): Probe {
	return async () => {
		const blank = tf.zeros([size, size, 3], 'int32') as tf.Tensor3D;
		try {
			await estimator.estimate(blank);
		} finally {
			blank.dispose();
			estimator.reset();
		}
	};
}
