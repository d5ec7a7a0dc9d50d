/**
 * The live session's recording: the raw (unsmoothed) tracked body of every frame the coach
 * saw, with its session time, kept in memory so the user can save it as a pose trace
 * (docs/pose-trace.md). Nothing here stores or sends anything: the buffer lives and dies
 * with the session, and only `jsonParts` (called when the user asks to save) turns it into text.
 *
 * Memory: a frame is 17 keypoints × (x, y, score) in a Float32Array (204 bytes) plus its time,
 * packed in fixed-size chunks: 213 bytes a frame, about 3.8 MB at the cap. Kept as objects (a
 * `Body` per frame) the same frames would take several times that and churn the garbage
 * collector for the whole session. The cap bounds what a session left running all day holds
 * outside the JS heap (`npm run bench`'s soak: under 5 MB of growth in 20 minutes).
 *
 * Past the cap the recorder stops taking frames and says so (`full`): the trace keeps the
 * FIRST part of the session, which replays to the counts the session had at that point. (Keeping
 * the last part instead would start the trace mid-set, with a rep half done.)
 *
 * Pure TypeScript: no DOM, no Svelte.
 */
import { COCO_KEYPOINTS, type Body } from '../pose/keypoints';
import type { PoseTraceV1 } from './pose-trace';

/** Keypoints per frame: the canonical 17 (COCO names, as `writeTrace` writes them). */
const K = COCO_KEYPOINTS.length;
/** Numbers per frame: x, y, score for each keypoint. */
const STRIDE = K * 3;
/** Frames per chunk: ~200 KB of keypoints, so growth never copies the whole buffer. */
const CHUNK_FRAMES = 1024;
/**
 * Default cap in frames: 10 minutes at 30 fps, about 3.8 MB of keypoints. On a laptop without a
 * GPU the model runs at 15–25 fps, so this covers 12–20 minutes: a whole exercise page, sets and
 * rests, for most people.
 */
export const DEFAULT_MAX_FRAMES = 10 * 60 * 30;

/**
 * What the person is told next to "Save the pose trace": what is kept, where, and for how long.
 * `snapshot`: the recording now.
 */
export function recordingNote(snapshot: RecorderSnapshot, maxFrames = DEFAULT_MAX_FRAMES): string {
	if (snapshot.full) {
		const minutes = Math.max(1, Math.round(snapshot.seconds / 60));
		return `Recording full: the file keeps the first ${minutes} min of this page.`;
	}
	const minutes = Math.round(maxFrames / 30 / 60);
	return `Keypoints only, no video. Kept in this tab until you leave; the first ${minutes} min or more.`;
}
/**
 * Time resolution of a trace (steps per second): `writeTrace` rounds times to 0.1 ms, so two
 * frames closer than that would collide and break the format's "strictly increasing" rule.
 */
const TICKS_PER_SECOND = 10_000;

export interface FrameSize {
	width: number;
	height: number;
}

export interface RecorderSnapshot {
	/** Frames kept. */
	frames: number;
	/** Seconds from the first kept frame to the last (0 with fewer than two). */
	seconds: number;
	/** The cap was reached: later frames are not kept. */
	full: boolean;
	/** Frames that came in after the cap and were dropped. */
	dropped: number;
}

/** The header of a trace (everything but `frames`). */
export type TraceMeta = Omit<PoseTraceV1, 'frames'>;

interface Chunk {
	t: Float64Array;
	/** 1: a body; 0: no person in that frame. */
	hasBody: Uint8Array;
	/** x, y, score per keypoint; NaN x marks a keypoint the model did not give. */
	xys: Float32Array;
}

export class TraceRecorder {
	readonly maxFrames: number;
	#chunks: Chunk[] = [];
	#count = 0;
	#dropped = 0;
	#firstT = NaN;
	#lastT = -Infinity;
	/** `#lastT` as the trace writes it (0.1 ms steps, as an integer). */
	#lastTick = -Infinity;
	/** The trace's frame size: the first frame's. */
	#size: FrameSize | null = null;
	/** Estimators that produced the frames, in the order first seen. */
	#models: string[] = [];

	constructor(options: { maxFrames?: number } = {}) {
		const max = options.maxFrames ?? DEFAULT_MAX_FRAMES;
		if (!(Number.isInteger(max) && max > 0))
			throw new RangeError(`maxFrames must be a positive whole number, got ${max}`);
		this.maxFrames = max;
	}

	get frames(): number {
		return this.#count;
	}

	get full(): boolean {
		return this.#count >= this.maxFrames;
	}

	snapshot(): RecorderSnapshot {
		return {
			frames: this.#count,
			seconds: this.#count > 1 ? round(this.#lastT - this.#firstT, 1000) : 0,
			full: this.full,
			dropped: this.#dropped
		};
	}

	/**
	 * Keeps one frame. `t`: session seconds, strictly increasing (a frame whose time, rounded to
	 * the trace's 0.1 ms, is not after the previous one's is ignored); `body`: the tracked person before smoothing, or null;
	 * `size`: the pixel size of the frame the keypoints were measured on; `model`: the estimator.
	 * Returns whether the frame was kept.
	 *
	 * A trace has one frame size. If the size changes (another camera), keypoints are scaled into
	 * the first frame's size: exact when the shape is the same (a resolution change), and a
	 * stretch otherwise, which only matters for the setup checks near the frame's edges.
	 */
	add(t: number, body: Body | null, size: FrameSize, model: string): boolean {
		const tick = Math.round(t * TICKS_PER_SECOND);
		if (!Number.isFinite(t) || t < 0 || tick <= this.#lastTick) return false;
		if (!(size.width > 0 && size.height > 0)) return false;
		if (this.full) {
			this.#dropped++;
			return false;
		}
		if (this.#size === null) this.#size = { width: size.width, height: size.height };
		if (!this.#models.includes(model)) this.#models.push(model);
		const i = this.#count % CHUNK_FRAMES;
		if (i === 0) this.#chunks.push(newChunk());
		const chunk = this.#chunks[this.#chunks.length - 1]!;
		chunk.t[i] = t;
		chunk.hasBody[i] = body ? 1 : 0;
		if (body) {
			const sx = this.#size.width / size.width;
			const sy = this.#size.height / size.height;
			const base = i * STRIDE;
			for (let k = 0; k < K; k++) {
				const p = body.keypoints[k];
				const o = base + k * 3;
				const ok = p && Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.score);
				chunk.xys[o] = ok ? p.x * sx : NaN;
				chunk.xys[o + 1] = ok ? p.y * sy : NaN;
				chunk.xys[o + 2] = ok ? Math.min(1, Math.max(0, p.score)) : 0;
			}
		}
		if (this.#count === 0) this.#firstT = t;
		this.#lastT = t;
		this.#lastTick = tick;
		this.#count++;
		return true;
	}

	/** Forgets every frame (a fresh set, or the session ended). */
	clear(): void {
		this.#chunks = [];
		this.#count = 0;
		this.#dropped = 0;
		this.#firstT = NaN;
		this.#lastT = -Infinity;
		this.#lastTick = -Infinity;
		this.#size = null;
		this.#models = [];
	}

	/** The trace's header; null when nothing was recorded. */
	meta(): TraceMeta | null {
		if (this.#count === 0 || !this.#size) return null;
		const span = this.#lastT - this.#firstT;
		// Nominal rate, informational only (time comes from t): the measured average.
		const fps = this.#count > 1 && span > 0 ? round((this.#count - 1) / span, 10) : 30;
		return {
			format: 'pose-trace',
			version: 1,
			model: this.#models.join(' + ') || 'unknown',
			keypointNames: [...COCO_KEYPOINTS],
			width: this.#size.width,
			height: this.#size.height,
			fps: fps > 0 ? fps : 30
		};
	}

	/**
	 * The recording as pose-trace JSON text in pieces (join them, or hand them to a Blob), so a
	 * long session never needs one giant string or a million small arrays at once. Rounded as
	 * `writeTrace` rounds: 0.1 ms, 0.1 px, 0.001 score; a missing keypoint is `[0, 0, 0]`.
	 * Null when nothing was recorded.
	 */
	jsonParts(framesPerPart = 500): string[] | null {
		const meta = this.meta();
		if (!meta) return null;
		const head = JSON.stringify({ ...meta, frames: [] });
		// `{"format":…,"frames":[]}` → open the array, frames go in between.
		const parts = [head.slice(0, -2)];
		let part: string[] = [];
		const flush = () => {
			// A comma before every batch but the first separates it from the one before.
			parts.push((parts.length > 1 ? ',' : '') + part.join(','));
			part = [];
		};
		for (let n = 0; n < this.#count; n++) {
			part.push(frameJson(this.#chunks[Math.floor(n / CHUNK_FRAMES)]!, n % CHUNK_FRAMES));
			if (part.length >= framesPerPart) flush();
		}
		if (part.length > 0) flush();
		parts.push(']}');
		return parts;
	}

	/** The recording as a trace object (tests, small recordings); null when empty. */
	toTrace(): PoseTraceV1 | null {
		const parts = this.jsonParts();
		return parts ? (JSON.parse(parts.join('')) as PoseTraceV1) : null;
	}
}

function newChunk(): Chunk {
	return {
		t: new Float64Array(CHUNK_FRAMES),
		hasBody: new Uint8Array(CHUNK_FRAMES),
		xys: new Float32Array(CHUNK_FRAMES * STRIDE)
	};
}

const round = (v: number, d: number) => Math.round(v * d) / d;

function frameJson(chunk: Chunk, i: number): string {
	const t = Math.round(chunk.t[i]! * TICKS_PER_SECOND) / TICKS_PER_SECOND;
	if (!chunk.hasBody[i]) return `{"t":${t},"keypoints":null}`;
	const rows: string[] = [];
	const base = i * STRIDE;
	for (let k = 0; k < K; k++) {
		const o = base + k * 3;
		const x = chunk.xys[o]!;
		rows.push(
			Number.isNaN(x)
				? '[0,0,0]'
				: `[${round(x, 10)},${round(chunk.xys[o + 1]!, 10)},${round(chunk.xys[o + 2]!, 1000)}]`
		);
	}
	return `{"t":${t},"keypoints":[${rows.join(',')}]}`;
}
