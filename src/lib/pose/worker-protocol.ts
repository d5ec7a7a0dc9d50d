/**
 * The messages between the page and the pose worker (estimator.worker.ts), and the pure parts of
 * both ends: what an error becomes on its way across, the size of a frame's pixels, and which
 * answer belongs to which frame. No DOM, no tfjs: runs in Node tests.
 *
 * A frame crosses as its RGBA pixels at the size the model needs (frame-reader.ts), in an
 * ArrayBuffer that is transferred, not copied; the bodies come back in the pixels of that small
 * picture and are moved to the frame's own pixels here, on the page.
 */
import type { Body } from './keypoints';
import { ModelLoadError, type ModelLoadErrorKind } from './errors';
import type { ModelId } from './models';

/** The tfjs backends a worker runs: the processor ones (no canvas, no GPU device needed). */
export type WorkerBackend = 'wasm' | 'cpu';

export function isWorkerBackend(name: string | null | undefined): name is WorkerBackend {
	return name === 'wasm' || name === 'cpu';
}

/** An error as it crosses to the page: a ModelLoadError keeps its kind and file. */
export interface SerializedError {
	message: string;
	/** Set for a ModelLoadError. */
	kind?: ModelLoadErrorKind;
	file?: string;
	status?: number;
}

export type ToWorker =
	| {
			type: 'load';
			model: ModelId;
			backend: WorkerBackend;
			/** Absolute URL of the model files folder (the worker's own URL is not the page's). */
			modelBaseUrl: string;
			/** Absolute URL of the tfjs wasm binaries folder. */
			wasmPaths: string;
	  }
	/** RGBA pixels, `width × height × 4` bytes (see {@link pixelBytes}). */
	| { type: 'estimate'; id: number; width: number; height: number; pixels: ArrayBuffer }
	| { type: 'reset' };

export type FromWorker =
	| { type: 'loaded'; backend: string; minPersonScore: number }
	| { type: 'load-failed'; error: SerializedError }
	/** Bodies in the pixels of the picture sent (its width × height). */
	| { type: 'bodies'; id: number; bodies: Body[] }
	| { type: 'estimate-failed'; id: number; error: SerializedError };

export function serializeError(err: unknown): SerializedError {
	if (err instanceof ModelLoadError) {
		return { message: err.message, kind: err.kind, file: err.file, status: err.status };
	}
	return { message: err instanceof Error ? err.message : String(err) };
}

/** The page's side: a ModelLoadError again (same kind and words), or a plain Error. */
export function deserializeError(e: SerializedError): Error {
	if (e.kind === undefined) return new Error(e.message);
	return new ModelLoadError(e.kind, e.message, { file: e.file, status: e.status });
}

/** Bytes of a `width × height` RGBA picture (what ImageData holds). */
export function pixelBytes(width: number, height: number): number {
	return width * height * 4;
}

/**
 * Bodies found in a picture read at `read` size, moved to a frame of `frame` size: keypoints
 * scaled by frame pixels per pixel read, across and down, and the body's size set to the frame's.
 */
export function bodiesInFrame(
	bodies: readonly Body[],
	read: { width: number; height: number },
	frame: { width: number; height: number }
): Body[] {
	const sx = frame.width / read.width;
	const sy = frame.height / read.height;
	return bodies.map((b) => ({
		width: frame.width,
		height: frame.height,
		keypoints: b.keypoints.map((k) => (k ? { ...k, x: k.x * sx, y: k.y * sy } : null))
	}));
}

/** One frame sent and not yet answered. */
interface Pending {
	read: { width: number; height: number };
	frame: { width: number; height: number };
	resolve(bodies: Body[]): void;
	reject(error: Error): void;
}

/**
 * Frames in the worker, by id, each with the sizes its answer is scaled by: an answer goes to
 * the frame that asked, whatever else was sent meanwhile (the worker answers in order, but the
 * page may send the next frame before the previous answer is in).
 */
export class PendingFrames {
	#next = 1;
	readonly #pending = new Map<number, Pending>();

	get size(): number {
		return this.#pending.size;
	}

	/** A new id for a frame read at `read` size from a frame of `frame` size, and its answer. */
	add(
		read: { width: number; height: number },
		frame: { width: number; height: number }
	): { id: number; bodies: Promise<Body[]> } {
		const id = this.#next++;
		const bodies = new Promise<Body[]>((resolve, reject) => {
			this.#pending.set(id, { read, frame, resolve, reject });
		});
		return { id, bodies };
	}

	/** Settles the frame a worker message answers; false for an unknown id (already settled). */
	settle(message: FromWorker): boolean {
		if (message.type !== 'bodies' && message.type !== 'estimate-failed') return false;
		const p = this.#pending.get(message.id);
		if (!p) return false;
		this.#pending.delete(message.id);
		if (message.type === 'bodies') p.resolve(bodiesInFrame(message.bodies, p.read, p.frame));
		else p.reject(deserializeError(message.error));
		return true;
	}

	/** Fails every frame still waiting (the worker stopped or was disposed). */
	failAll(error: Error): void {
		for (const p of this.#pending.values()) p.reject(error);
		this.#pending.clear();
	}
}
