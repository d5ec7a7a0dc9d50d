/**
 * Rolling per-frame timings for the benchmark panel and `window.__scapulaStats`: the bare model
 * call (estimate) and the whole pipeline (frame in → coach state out). Plain class, no Svelte.
 */

export interface TimingSummary {
	/** Frames in the window. */
	n: number;
	mean: number;
	p50: number;
	p95: number;
}

export interface FrameStatsSnapshot {
	/** Frames processed since the model loaded (warm-up frames excluded from timings). */
	frames: number;
	modelMs: TimingSummary;
	pipelineMs: TimingSummary;
	/** Frames processed per second over the window. */
	fps: number;
	/** Model load time, ms (includes backend init and weights download). */
	loadMs: number | null;
	model: string | null;
	backend: string | null;
}

function summarize(values: readonly number[]): TimingSummary {
	const n = values.length;
	if (n === 0) return { n: 0, mean: NaN, p50: NaN, p95: NaN };
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))] ?? NaN;
	return { n, mean: values.reduce((s, v) => s + v, 0) / n, p50: at(0.5), p95: at(0.95) };
}

export class FrameStats {
	/** First frames include shader compilation / wasm warm-up; they are not representative. */
	static readonly WARMUP_FRAMES = 5;
	readonly window: number;
	#model: number[] = [];
	#pipeline: number[] = [];
	#stamps: number[] = [];
	#frames = 0;
	loadMs: number | null = null;
	model: string | null = null;
	backend: string | null = null;

	constructor(window = 120) {
		this.window = window;
	}

	add(modelMs: number, pipelineMs: number, nowMs: number): void {
		this.#frames++;
		if (this.#frames <= FrameStats.WARMUP_FRAMES) return;
		this.#model.push(modelMs);
		this.#pipeline.push(pipelineMs);
		this.#stamps.push(nowMs);
		if (this.#model.length > this.window) {
			this.#model.shift();
			this.#pipeline.shift();
			this.#stamps.shift();
		}
	}

	reset(): void {
		this.#model = [];
		this.#pipeline = [];
		this.#stamps = [];
		this.#frames = 0;
	}

	snapshot(): FrameStatsSnapshot {
		const s = this.#stamps;
		const span = s.length > 1 ? (s[s.length - 1]! - s[0]!) / 1000 : 0;
		return {
			frames: this.#frames,
			modelMs: summarize(this.#model),
			pipelineMs: summarize(this.#pipeline),
			fps: span > 0 ? (s.length - 1) / span : NaN,
			loadMs: this.loadMs,
			model: this.model,
			backend: this.backend
		};
	}
}
