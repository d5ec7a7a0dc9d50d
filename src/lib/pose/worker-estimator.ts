/**
 * A `PoseEstimator` whose model runs in a Web Worker (estimator.worker.ts): the page reads each
 * frame at the size the model needs (frame-reader.ts, about 2 ms at 480×640 → 288×384),
 * transfers the pixels and gets the bodies back in the frame's pixels. The model's own ~30 ms a
 * frame (MoveNet Lightning, wasm, 2 cores) then run off the page's thread, which keeps only the
 * read, the overlay and the engine.
 *
 * The frame is read when `estimate` is called, not when the worker gets to it, and the worker
 * answers in order: a caller may send the next frame while one is still in the model.
 *
 * tfjs runtime on a processor backend (wasm, cpu) only: the MediaPipe runtime needs the page's
 * DOM, and the GPU backends stay on the page (see session/estimator.ts).
 */
import { ModelLoadError } from './errors';
import { frameSize, isDrawable, type EstimatorInput, type PoseEstimator } from './estimator';
import { FrameReader, modelFrameSide } from './frame-reader';
import type { Body } from './keypoints';
import type { ModelId } from './models';
import { PendingFrames, type FromWorker, type ToWorker } from './worker-protocol';
import { claimPoseWorker, type WorkerLoad } from './worker-spawn';

/** The worker's load (absolute URLs: the worker resolves relative ones against its own script's). */
export interface WorkerEstimatorOptions extends WorkerLoad {
	/**
	 * Frames a caller may send before the first is answered (default 1); see
	 * `EstimatorLike.framesInFlight`. With 2 the page reads the next frame while the model runs.
	 */
	framesInFlight?: number;
}

/**
 * Loads the model in a worker (the one started early for the same load, if any: see
 * worker-spawn.ts); throws the worker's ModelLoadError if it fails.
 */
export async function createWorkerEstimator(opts: WorkerEstimatorOptions): Promise<PoseEstimator> {
	const { framesInFlight = 1, ...load } = opts;
	const { worker, loaded } = claimPoseWorker(load);
	const { minPersonScore } = await loaded;
	return new WorkerEstimator(load.model, minPersonScore, framesInFlight, worker);
}

class WorkerEstimator implements PoseEstimator {
	readonly runtime = 'tfjs' as const;
	#worker: Worker | null;
	readonly #pending = new PendingFrames();
	readonly #reader: FrameReader;

	constructor(
		readonly model: ModelId,
		readonly minPersonScore: number,
		/** The frame is read on the call and the worker answers in order: one may wait behind another. */
		readonly framesInFlight: number,
		worker: Worker
	) {
		this.#worker = worker;
		this.#reader = new FrameReader(modelFrameSide(model));
		worker.onmessage = (event: MessageEvent<FromWorker>) => this.#pending.settle(event.data);
		worker.onerror = (event) => {
			event.preventDefault();
			// The worker died (out of memory, a crash in the wasm): what the session's fallback and
			// "Retry" handle as a model that cannot run.
			this.#pending.failAll(
				ModelLoadError.backend('wasm', `the pose worker stopped: ${event.message}`)
			);
		};
	}

	estimate(input: EstimatorInput, _timestampMs?: number): Promise<Body[]> {
		const worker = this.#worker;
		if (!worker) return Promise.reject(new Error('This pose estimator was disposed.'));
		const frame = frameSize(input);
		// A <video> before its first frame has no size; there is nothing to look at yet.
		if (!(frame.width > 0 && frame.height > 0)) return Promise.resolve([]);
		if ('dataSync' in input) {
			return Promise.reject(new Error('The pose worker takes frames and pixels, not tensors.'));
		}
		const pixels = isDrawable(input)
			? this.#reader.readPixels(input, frame.width, frame.height)
			: input;
		if (!pixels) return Promise.reject(new Error('This browser cannot read video frames here.'));
		// The worker gets its own copy of pixels the caller keeps; a frame read here is handed over.
		const buffer = isDrawable(input) ? pixels.data.buffer : pixels.data.slice().buffer;
		const read = { width: pixels.width, height: pixels.height };
		const { id, bodies } = this.#pending.add(read, frame);
		const message: ToWorker = { type: 'estimate', id, ...read, pixels: buffer as ArrayBuffer };
		worker.postMessage(message, [buffer as ArrayBuffer]);
		return bodies;
	}

	reset(): void {
		const message: ToWorker = { type: 'reset' };
		this.#worker?.postMessage(message);
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#pending.failAll(new Error('This pose estimator was disposed.'));
	}
}
