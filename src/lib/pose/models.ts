/**
 * The pose-model registry: which models Scapula can run, where their files are and how to check
 * them. Pure data and pure functions (no DOM, no tfjs), so the app, the Node loader, the
 * command-line analyser and the tests share one source of truth.
 *
 * The weights are fetched and sha256-verified at install time by `scripts/fetch-models.mjs`
 * (see `models/manifest.json`) into `static/models/`, served at `/models/`.
 */
import { ModelLoadError } from './errors';

export type ModelId = 'movenet-lightning' | 'movenet-thunder' | 'blazepose-lite' | 'blazepose-full';

/**
 * `tfjs`: tfjs graph models on a tfjs backend (webgpu / webgl / wasm / cpu).
 * `mediapipe`: Google's BlazePose wasm solution (`@mediapipe/pose`), BlazePose only.
 */
export type Runtime = 'tfjs' | 'mediapipe';

export type ModelFamily = 'movenet' | 'blazepose';

export interface ModelInfo {
	readonly id: ModelId;
	/** Name to show to the user. */
	readonly name: string;
	readonly family: ModelFamily;
	/** pose-detection's `modelType` for this model. */
	readonly variant: 'lightning' | 'thunder' | 'lite' | 'full';
	/**
	 * The tfjs graph-model JSON files, relative to the model base URL. MoveNet is one graph;
	 * BlazePose (runtime `tfjs`) is a person detector plus a landmark model.
	 */
	readonly graphs:
		{ readonly model: string } | { readonly detector: string; readonly landmark: string };
	/** Every file the `tfjs` runtime downloads (graph JSONs and their weight shards). */
	readonly files: readonly string[];
	/** Side of the square image the (landmark) model sees, in pixels. */
	readonly inputSize: number;
	/** Runtimes that can run this model; the first is the default. */
	readonly runtimes: readonly Runtime[];
	/**
	 * Below this person score (see `personScore` in estimator.ts: the mean of the 5 best keypoint
	 * scores, 0..1) a frame counts as "no person". Measured on the photos in
	 * tests/fixtures/media with the real models (Node, wasm); see each value's comment.
	 */
	readonly minPersonScore: number;
	/** Keypoints the model gives (all are mapped by name onto the canonical 17). */
	readonly keypointCount: 17 | 33;
}

export const MODELS: Readonly<Record<ModelId, ModelInfo>> = Object.freeze({
	'movenet-lightning': {
		id: 'movenet-lightning',
		name: 'MoveNet Lightning',
		family: 'movenet',
		variant: 'lightning',
		graphs: { model: 'movenet-lightning.json' },
		files: ['movenet-lightning.json', 'movenet-lightning.bin'],
		inputSize: 192,
		runtimes: ['tfjs'],
		// Measured on the 19 person photos of shared/media (3 frames each after a reset):
		// baboon.jpg (no person) scores 0.25 on every frame (0.28–0.33 flipped or cropped; up to
		// 0.46 when the mandrill face is shrunk into a larger grey frame). Real people score 0.49
		// or more on the first frame and 0.53 or more from the second (head-and-shoulders portrait
		// 0.51 → 0.75; side-view sitting 0.49–0.56 → 0.53–0.86). 0.4 sits between the baboon
		// photo and the worst real first frame, with about 0.1 of margin on each side.
		minPersonScore: 0.4,
		keypointCount: 17
	},
	'movenet-thunder': {
		id: 'movenet-thunder',
		name: 'MoveNet Thunder',
		family: 'movenet',
		variant: 'thunder',
		graphs: { model: 'movenet-thunder.json' },
		files: ['movenet-thunder.json', 'movenet-thunder.bin'],
		inputSize: 256,
		runtimes: ['tfjs'],
		// baboon.jpg scores 0.21 (0.28 cropped, up to 0.50 shrunk into a grey frame); real people
		// 0.49+ on the first frame, 0.60+ from the second. Same threshold as Lightning.
		minPersonScore: 0.4,
		keypointCount: 17
	},
	'blazepose-lite': {
		id: 'blazepose-lite',
		name: 'BlazePose Lite',
		family: 'blazepose',
		variant: 'lite',
		graphs: { detector: 'blazepose-detector.json', landmark: 'blazepose-lite.json' },
		files: [
			'blazepose-detector.json',
			'blazepose-detector.bin',
			'blazepose-lite.json',
			'blazepose-lite.bin'
		],
		inputSize: 256,
		runtimes: ['tfjs', 'mediapipe'],
		// BlazePose's own person detector already returns nothing for baboon.jpg, blank and noise
		// images. Its keypoint scores are visibilities, high for anyone it finds (0.99–1.00 for the
		// five best on all 19 person photos), so this only drops near-empty landmark sets.
		minPersonScore: 0.5,
		keypointCount: 33
	},
	'blazepose-full': {
		id: 'blazepose-full',
		name: 'BlazePose Full',
		family: 'blazepose',
		variant: 'full',
		graphs: { detector: 'blazepose-detector.json', landmark: 'blazepose-full.json' },
		files: [
			'blazepose-detector.json',
			'blazepose-detector.bin',
			'blazepose-full.json',
			'blazepose-full.bin'
		],
		inputSize: 256,
		runtimes: ['tfjs', 'mediapipe'],
		// As BlazePose Lite.
		minPersonScore: 0.5,
		keypointCount: 33
	}
} satisfies Record<ModelId, ModelInfo>);

/** All model ids, fastest first. */
export const MODEL_IDS: readonly ModelId[] = Object.freeze([
	'movenet-lightning',
	'blazepose-lite',
	'blazepose-full',
	'movenet-thunder'
]);

/** MoveNet Lightning: fast on every backend (41 ms/frame on Node wasm, 2 cores) and accurate enough. */
export const DEFAULT_MODEL: ModelId = 'movenet-lightning';
export const DEFAULT_RUNTIME: Runtime = 'tfjs';

export function isModelId(value: unknown): value is ModelId {
	return typeof value === 'string' && Object.hasOwn(MODELS, value);
}

/** The registry entry for `id`; throws a clear error for an unknown id. */
export function getModel(id: string): ModelInfo {
	if (!isModelId(id)) {
		throw new Error(`Unknown pose model "${id}". Known models: ${MODEL_IDS.join(', ')}.`);
	}
	return MODELS[id];
}

export function supportsRuntime(id: ModelId, runtime: Runtime): boolean {
	return MODELS[id].runtimes.includes(runtime);
}

/** Joins a base URL or folder (with or without a trailing slash) and a file name. */
export function modelFileUrl(base: string, file: string): string {
	return base === '' ? file : base.endsWith('/') ? base + file : `${base}/${file}`;
}

/** The last path segment of a URL or file path, for messages ("movenet-lightning.bin"). */
export function fileName(pathOrUrl: string): string {
	const clean = pathOrUrl.replace(/[?#].*$/, '');
	return clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
}

// ---- model file checks (shared by the browser fetch path and the Node disk loader) ----

/** The parts of a tfjs graph-model JSON this module reads. */
export interface ModelJsonLike {
	modelTopology?: unknown;
	weightsManifest?: ReadonlyArray<{
		paths: readonly string[];
		weights: ReadonlyArray<{
			name: string;
			shape: readonly number[];
			dtype: string;
			quantization?: { dtype: string };
		}>;
	}>;
}

const BYTES_PER_ELEMENT: Readonly<Record<string, number>> = {
	float32: 4,
	int32: 4,
	bool: 1,
	complex64: 8,
	uint8: 1,
	uint16: 2,
	float16: 2
};

/**
 * Parses and sanity-checks a graph-model JSON. Throws `ModelLoadError` kind `corrupt` (naming
 * `file`) when the text is not JSON or lacks a topology and weights manifest, e.g. a truncated
 * download.
 */
export function parseModelJson(text: string, file: string): ModelJsonLike {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		throw ModelLoadError.corrupt(file, 'it is not valid JSON', err);
	}
	const j = json as ModelJsonLike | null;
	if (
		j === null ||
		typeof j !== 'object' ||
		typeof j.modelTopology !== 'object' ||
		j.modelTopology === null ||
		!Array.isArray(j.weightsManifest)
	) {
		throw ModelLoadError.corrupt(file, 'it has no model topology or weights manifest');
	}
	for (const group of j.weightsManifest) {
		if (!Array.isArray(group?.paths) || !Array.isArray(group?.weights)) {
			throw ModelLoadError.corrupt(file, 'its weights manifest is malformed');
		}
	}
	return j;
}

/**
 * Expected byte length of each weight file named in a model JSON, keyed by its manifest path.
 * Only single-file weight groups are listed (a multi-shard group's split is not recorded in the
 * JSON), and groups holding strings (variable length) are skipped.
 */
export function expectedWeightBytes(json: ModelJsonLike): Map<string, number> {
	const sizes = new Map<string, number>();
	for (const group of json.weightsManifest ?? []) {
		if (group.paths.length !== 1) continue;
		let total = 0;
		let known = true;
		for (const w of group.weights) {
			const per = BYTES_PER_ELEMENT[w.quantization?.dtype ?? w.dtype];
			if (per === undefined) {
				known = false;
				break;
			}
			total += per * w.shape.reduce((a, b) => a * b, 1);
		}
		const path = group.paths[0];
		if (known && path !== undefined) sizes.set(path, total);
	}
	return sizes;
}

/** Throws `ModelLoadError` kind `corrupt` when a weight file's size differs from the JSON's. */
export function checkWeightBytes(file: string, actual: number, expected: number | undefined): void {
	if (expected === undefined || actual === expected) return;
	const n = (x: number) => x.toLocaleString('en-US');
	const detail =
		actual < expected
			? `it is truncated: ${n(actual)} of ${n(expected)} bytes`
			: `it has ${n(actual)} bytes where the model expects ${n(expected)}`;
	throw ModelLoadError.corrupt(file, detail);
}
