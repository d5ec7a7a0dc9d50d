/**
 * One tick at a time, from a Web Worker's timer (./sampler.worker.ts) where the browser has
 * workers, else from a page timer, and the live session's frames paced by it (`TimedPacer`).
 * Measures how late ticks come: a browser that throttles this tab in the background anyway
 * shows up as ticks much later than asked for, and the page says so (`throttledEveryMs`).
 */
import type { FramePacer } from '$lib/session/live-session.svelte';
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

export interface TimedPacing {
	timer: TimerLike;
	/** Monotonic milliseconds (performance.now). */
	now(): number;
	/** The page is hidden (a late tick then counts towards throttling). */
	isHidden(): boolean;
	/** Whether frames are wanted now; when not, the pacing waits for `sampleNow`. */
	wanted(): boolean;
	/** The delay before the next frame once one is done, ms. */
	nextDelay(): number;
	/** Each delay asked for, ms (the page shows the pace). */
	onSchedule?(delayMs: number): void;
}

/**
 * A live session's pacing from a timer (session/live-session.svelte.ts `FramePacer`): one frame
 * at a time, the next asked for once the last is done, after `nextDelay()`; none while frames
 * are not `wanted()`. Each tick measures how late it came.
 */
export class TimedPacer {
	/** Set when the browser throttles this tab's ticks in the background: the actual pace, ms. */
	throttledEveryMs: number | null = null;
	readonly #pacing: TimedPacing;
	readonly #watch = new LatenessWatch();
	/** Takes the next frame now (null while no pacing runs). */
	#now: (() => void) | null = null;

	constructor(pacing: TimedPacing) {
		this.#pacing = pacing;
	}

	pace: FramePacer = (_video, frame, { onError }) => {
		const { timer, now } = this.#pacing;
		let stopped = false;
		let busy = false;
		let scheduledAt = 0;
		let askedMs = 0;
		const schedule = (delayMs: number) => {
			askedMs = delayMs;
			scheduledAt = now();
			this.#pacing.onSchedule?.(delayMs);
			timer.schedule(delayMs, () => void tick());
		};
		const tick = async () => {
			if (stopped || busy || !this.#pacing.wanted()) return;
			if (askedMs > 0) this.#watch.record(askedMs, now() - scheduledAt, this.#pacing.isHidden());
			this.throttledEveryMs = this.#watch.throttledEveryMs;
			busy = true;
			try {
				await frame(now());
			} catch (e) {
				if (onError(e) === false) stopped = true;
			} finally {
				busy = false;
			}
			if (stopped || !this.#pacing.wanted()) return;
			schedule(this.#pacing.nextDelay());
		};
		const sampleNow = () => {
			if (!stopped && !busy) schedule(0);
		};
		this.#now = sampleNow;
		schedule(0);
		return () => {
			stopped = true;
			if (this.#now === sampleNow) this.#now = null;
			timer.cancel();
		};
	};

	/** Takes a frame now instead of after the paced delay (e.g. a calibration starts). */
	sampleNow(): void {
		this.#now?.();
	}
}
