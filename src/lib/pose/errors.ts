/**
 * Errors raised while loading a pose model, with a message a user can act on.
 *
 * `missing`: a file could not be obtained (HTTP 404 or another error status, a web page served
 *   in its place, no such file on disk, network failure).
 * `corrupt`: a file arrived but is damaged (not JSON, no topology, weights of the wrong size,
 *   tensors whose sizes do not match their shapes).
 * `backend`: the compute backend (webgpu / webgl / wasm / mediapipe) failed to start or run.
 * `unknown`: anything else; the original error is kept as `cause`.
 */

export type ModelLoadErrorKind = 'missing' | 'corrupt' | 'backend' | 'unknown';

/** What fixes a missing or damaged model file: the install step fetches and verifies them. */
export const REINSTALL_HINT =
	'Reinstall with `npm install`, which fetches and verifies the models.';

export interface ModelLoadErrorDetails {
	/** The file concerned ("movenet-lightning.bin"), when known. */
	file?: string;
	/** HTTP status, when the file came over HTTP. */
	status?: number;
	cause?: unknown;
}

export class ModelLoadError extends Error {
	override readonly name = 'ModelLoadError';
	readonly kind: ModelLoadErrorKind;
	readonly file: string | undefined;
	readonly status: number | undefined;

	constructor(kind: ModelLoadErrorKind, message: string, details: ModelLoadErrorDetails = {}) {
		super(message, details.cause === undefined ? undefined : { cause: details.cause });
		this.kind = kind;
		this.file = details.file;
		this.status = details.status;
	}

	/** A file that is not there: `reason` is e.g. "HTTP 404" or "no such file: /abs/path". */
	static missing(
		file: string,
		reason: string,
		details: Omit<ModelLoadErrorDetails, 'file'> = {}
	): ModelLoadError {
		const verb = details.status === undefined || details.status === 404 ? 'found' : 'loaded';
		return new ModelLoadError(
			'missing',
			`The pose model file ${file} could not be ${verb} (${reason}). ${REINSTALL_HINT}`,
			{ ...details, file }
		);
	}

	/** A file that is there but damaged: `reason` is e.g. "it is truncated: 1,000 of 4,650,216 bytes". */
	static corrupt(file: string | undefined, reason: string, cause?: unknown): ModelLoadError {
		const what = file === undefined ? 'A pose model file' : `The pose model file ${file}`;
		return new ModelLoadError('corrupt', `${what} is damaged: ${reason}. ${REINSTALL_HINT}`, {
			file,
			cause
		});
	}

	static backend(backend: string, reason: string, cause?: unknown): ModelLoadError {
		return new ModelLoadError(
			'backend',
			`The pose model could not run on the ${backend} backend (${reason}). ` +
				'Choose another compute backend; wasm runs everywhere.',
			{ cause }
		);
	}
}

export function isModelLoadError(value: unknown): value is ModelLoadError {
	return value instanceof ModelLoadError;
}

function messageOf(err: unknown): string {
	if (err instanceof Error) return err.message;
	return typeof err === 'string' ? err : String(err);
}

/**
 * Messages of tfjs that mean the bytes of a model are wrong, as thrown by tfjs-core and
 * tfjs-converter 4.x: tensor creation from too few values, typed arrays over odd byte counts,
 * unparsable JSON, graph nodes or weights missing from a damaged topology.
 */
const CORRUPT_PATTERNS: readonly RegExp[] = [
	/Based on the provided shape/i,
	/should be a multiple of/i,
	/Failed to parse model JSON/i,
	/contains neither model topology or manifest/i,
	/Unexpected (token|end of JSON)|JSON\.parse|is not valid JSON/i,
	/out of bounds|Invalid typed array length|offset is out of bounds/i,
	/weight .* not found|not found in the weight map|Cannot find weight/i
];

/** Messages that mean a file was not obtained (tfjs http handler, Node fs, fetch). */
const MISSING_PATTERNS: readonly RegExp[] = [
	/failed with status code (\d{3})/i,
	/ENOENT|no such file/i,
	/Failed to fetch|NetworkError|fetch failed|Load failed/i
];

const BACKEND_PATTERNS: readonly RegExp[] = [
	/backend/i,
	/WebGL|WebGPU|wasm|WebAssembly|GPUAdapter|shader|context lost/i
];

/**
 * Classifies any error thrown while loading or first running a model into a
 * `ModelLoadError` (an existing one passes through unchanged). `files` names the model's files
 * for the message when the error does not say which one failed.
 */
export function toModelLoadError(
	err: unknown,
	context: { modelName: string; files: readonly string[]; backend?: string }
): ModelLoadError {
	if (err instanceof ModelLoadError) return err;
	const msg = messageOf(err);
	const files = context.files.join(', ');

	const status = /failed with status code (\d{3})/i.exec(msg);
	if (status) {
		const url = /Request to (\S+) failed/i.exec(msg)?.[1];
		const file = url === undefined ? files : url.slice(url.lastIndexOf('/') + 1);
		return ModelLoadError.missing(file, `HTTP ${status[1]}`, {
			status: Number(status[1]),
			cause: err
		});
	}
	if (MISSING_PATTERNS.some((p) => p.test(msg))) {
		return new ModelLoadError(
			'missing',
			`The ${context.modelName} pose model (${files}) could not be loaded (${msg}). ${REINSTALL_HINT}`,
			{ cause: err }
		);
	}
	if (CORRUPT_PATTERNS.some((p) => p.test(msg))) {
		return new ModelLoadError(
			'corrupt',
			`A file of the ${context.modelName} pose model (${files}) is damaged (${msg}). ${REINSTALL_HINT}`,
			{ cause: err }
		);
	}
	if (BACKEND_PATTERNS.some((p) => p.test(msg))) {
		return ModelLoadError.backend(context.backend ?? 'current', msg, err);
	}
	return new ModelLoadError(
		'unknown',
		`The ${context.modelName} pose model could not be loaded: ${msg}`,
		{ cause: err }
	);
}
