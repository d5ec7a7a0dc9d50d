/**
 * Pose estimators in Node: the real models from `static/models/`, read from disk, on the tfjs
 * wasm backend. Used by the model tests, the command-line analyser and the benchmarks.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createEstimator, type PoseEstimator } from '../estimator';
import { DEFAULT_MODEL, type ModelId } from '../models';
import { fileModelHandler } from './io';
import { initNodeWasm } from './wasm';

/** `static/models/` of this checkout, where `npm install` puts the verified weights. */
export const DEFAULT_MODEL_DIR = fileURLToPath(
	new URL('../../../../static/models/', import.meta.url)
);

export interface NodeEstimatorOptions {
	/** Folder holding the model files (default {@link DEFAULT_MODEL_DIR}). */
	modelDir?: string;
	/** Overrides the model's person-score threshold (see `MODELS[model].minPersonScore`). */
	minPersonScore?: number;
	/** Run once on a blank frame before returning (default true). */
	warmup?: boolean;
}

/**
 * Loads `model` (runtime `tfjs`) from `modelDir` on the wasm backend. Throws `ModelLoadError`
 * (kind `missing` or `corrupt`, naming the file) when the files are absent or damaged.
 */
export async function createNodeEstimator(
	model: ModelId = DEFAULT_MODEL,
	options: NodeEstimatorOptions = {}
): Promise<PoseEstimator> {
	const modelDir = path.resolve(options.modelDir ?? DEFAULT_MODEL_DIR);
	await initNodeWasm();
	return createEstimator({
		model,
		runtime: 'tfjs',
		modelBaseUrl: modelDir,
		ioHandlers: (file) => fileModelHandler(path.join(modelDir, file)),
		minPersonScore: options.minPersonScore,
		warmup: options.warmup
	});
}
