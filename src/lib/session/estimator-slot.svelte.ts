/**
 * The estimator slot of a live session: the one pose model a workout or work mode runs, loaded
 * once and shared by every start, with what the page shows about it (loading, ready, failed, the
 * backend in use). A load that is superseded (the model changed, the page closed) while it runs
 * is disposed when it lands, never used.
 */
import { trackModelLoad } from './model-loads';
import type { EstimatorLike, LoadedEstimator } from './types';

export type ModelStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface EstimatorSlotHooks {
	/** A load finished and is now in use; `loadMs`: how long it took. */
	loaded?(loaded: LoadedEstimator, loadMs: number): void;
	/** A load failed (the slot is back to empty, status 'error'). */
	failed?(error: unknown): void;
}

export class EstimatorSlot {
	status: ModelStatus = $state('idle');
	/** What the load is doing now (e.g. timing the backends), or ''. */
	detail = $state('');
	/** The backend in use (e.g. 'wasm' after an auto probe), null before the first load. */
	backend: string | null = $state(null);

	readonly #load: (onProgress: (detail: string) => void) => Promise<LoadedEstimator>;
	readonly #hooks: EstimatorSlotHooks;
	readonly #now: () => number;
	#estimator: EstimatorLike | null = null;
	#loading: Promise<EstimatorLike | null> | null = null;

	constructor(
		load: (onProgress: (detail: string) => void) => Promise<LoadedEstimator>,
		hooks: EstimatorSlotHooks,
		now: () => number
	) {
		this.#load = load;
		this.#hooks = hooks;
		this.#now = now;
	}

	/** The loaded model, or null (not loaded, loading, failed). */
	get current(): EstimatorLike | null {
		return this.#estimator;
	}

	/** The loaded model, loading it first if needed; null when the load failed or was dropped. */
	ensure(): Promise<EstimatorLike | null> {
		if (this.#estimator) return Promise.resolve(this.#estimator);
		if (this.#loading) return this.#loading;
		const started = this.#now();
		this.status = 'loading';
		this.detail = '';
		const loading: Promise<EstimatorLike | null> = this.#load((detail) => {
			if (this.#loading === loading) this.detail = detail;
		}).then(
			(loaded) => {
				if (this.#loading !== loading) {
					loaded.estimator.dispose();
					return this.#estimator;
				}
				this.#loading = null;
				this.#estimator = loaded.estimator;
				this.backend = loaded.backend;
				this.status = 'ready';
				this.#hooks.loaded?.(loaded, this.#now() - started);
				return loaded.estimator;
			},
			(e: unknown) => {
				if (this.#loading !== loading) return null;
				this.#loading = null;
				this.status = 'error';
				this.#hooks.failed?.(e);
				return null;
			}
		);
		this.#loading = loading;
		trackModelLoad(loading);
		return loading;
	}

	/** Frees the model; a load still running is dropped. A failure stays shown until a retry. */
	dispose(): void {
		this.#loading = null;
		this.#estimator?.dispose();
		this.#estimator = null;
		if (this.status !== 'error') this.status = 'idle';
	}
}
