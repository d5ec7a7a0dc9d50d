/**
 * Messages between the page and the pose worker (./pose.worker.ts), and how errors cross the
 * boundary. Structured cloning keeps an Error's message but not its class or extra fields, so a
 * `ModelLoadError` is sent as plain data and rebuilt on the page side: the session tells a
 * missing file from a damaged one by `kind`, whichever thread loaded it.
 */
import type { Body } from '../keypoints';
import { ModelLoadError, type ModelLoadErrorKind } from '../errors';
import type { ModelId } from '../models';

export type ToWorker =
	| { type: 'load'; model: ModelId; modelBaseUrl: string }
	/** `frame` is transferred (the worker closes it). */
	| { type: 'estimate'; id: number; frame: ImageBitmap; timestampMs: number }
	| { type: 'reset' }
	| { type: 'memory'; id: number };

export type FromWorker =
	| { type: 'loaded'; backend: string }
	| { type: 'bodies'; id: number; bodies: Body[] }
	| { type: 'memory'; id: number; numTensors: number; numBytes: number }
	/** `id` is the request that failed; null for the load. */
	| { type: 'error'; id: number | null; error: WireError };

export interface WireError {
	name: string;
	message: string;
	/** Set for a ModelLoadError. */
	kind?: ModelLoadErrorKind;
	file?: string;
	status?: number;
}

export function toWireError(err: unknown): WireError {
	if (err instanceof ModelLoadError) {
		return {
			name: err.name,
			message: err.message,
			kind: err.kind,
			...(err.file !== undefined ? { file: err.file } : {}),
			...(err.status !== undefined ? { status: err.status } : {})
		};
	}
	if (err instanceof Error) return { name: err.name, message: err.message };
	return { name: 'Error', message: String(err) };
}

/** The page-side error for a wire error: a ModelLoadError again when it was one. */
export function fromWireError(w: WireError): Error {
	if (w.name === 'ModelLoadError' && w.kind) {
		return new ModelLoadError(w.kind, w.message, {
			...(w.file !== undefined ? { file: w.file } : {}),
			...(w.status !== undefined ? { status: w.status } : {})
		});
	}
	const e = new Error(w.message);
	e.name = w.name;
	return e;
}
