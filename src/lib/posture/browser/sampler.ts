/**
 * One tick at a time, from a Web Worker's timer (./sampler.worker.ts) where the browser has
 * workers, else from a page timer. Measures how late ticks come: a browser that throttles this
 * tab in the background anyway shows up as ticks much later than asked for, and the page says
 * so (`throttledEveryMs`).
 */
import type { SamplerRequest, SamplerTick } from './sampler.worker';

export interface TimerLike {
	/** Calls `callback` once after about `delayMs`. */
	schedule(delayMs: number, callback: () => void): void;
	cancel(): void;
	dispose(): void;
	/** Where the ticks come from, for the page ("worker" keeps pace in the background). */
	readonly kind: 'worker' | 'page';
}

/** A tick this much later than asked for (ms, and 1.5×) counts as throttled. */
const LATE_MS = 1000;
/** Late ticks in a row before we say the browser throttles us. */
const LATE_TICKS = 3;

/** Page timers: the fallback, and what Node tests use. */
export function pageTimer(): TimerLike {
	let handle: ReturnType<typeof setTimeout> | null = null;
	return {
		kind: 'page',
		schedule(delayMs, callback) {
			if (handle !== null) clearTimeout(handle);
			handle = setTimeout(() => {
				handle = null;
				callback();
			}, delayMs);
		},
		cancel() {
			if (handle !== null) clearTimeout(handle);
			handle = null;
		},
		dispose() {
			this.cancel();
		}
	};
}

/** A timer in a dedicated worker; falls back to page timers if the worker cannot start. */
export function workerTimer(): TimerLike {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./sampler.worker.ts', import.meta.url), {
			type: 'module',
			name: 'posture-sampler'
		});
	} catch {
		return pageTimer();
	}
	let id = 0;
	let pending: (() => void) | null = null;
	worker.onmessage = (e: MessageEvent<SamplerTick>) => {
		if (e.data.type !== 'tick' || e.data.id !== id || !pending) return;
		const cb = pending;
		pending = null;
		cb();
	};
	const post = (msg: SamplerRequest) => worker.postMessage(msg);
	return {
		kind: 'worker',
		schedule(delayMs, callback) {
			id++;
			pending = callback;
			post({ type: 'schedule', id, delayMs });
		},
		cancel() {
			id++;
			pending = null;
			post({ type: 'cancel' });
		},
		dispose() {
			this.cancel();
			worker.terminate();
		}
	};
}

/** Follows how late ticks arrive; `throttledEveryMs` once several in a row came late. */
export class LatenessWatch {
	#late = 0;
	#gaps: number[] = [];
	throttledEveryMs: number | null = null;

	/** A tick asked for after `askedMs` came after `actualMs`; `hidden`: the tab was hidden. */
	record(askedMs: number, actualMs: number, hidden: boolean): void {
		const late = actualMs > askedMs * 1.5 && actualMs - askedMs > LATE_MS;
		if (!hidden || !late) {
			this.#late = 0;
			this.#gaps = [];
			if (!hidden) this.throttledEveryMs = null;
			return;
		}
		this.#late++;
		this.#gaps = [...this.#gaps, actualMs].slice(-LATE_TICKS);
		if (this.#late >= LATE_TICKS) {
			this.throttledEveryMs = Math.round(this.#gaps.reduce((a, b) => a + b, 0) / this.#gaps.length);
		}
	}
}
