/**
 * Names of the cached pose traces of the real clips (under the ignored `.cache/real-traces/`),
 * shared by `bench:real` and `bench:posture-real`. The decode size is part of the name: a trace
 * made from frames decoded at 640 px is not the trace the model gives at 320 px.
 */
import path from 'node:path';
import { modelFrameSide } from '../src/lib/pose/frame-reader';
import type { ModelId } from '../src/lib/pose/models';

/**
 * The longest side, px, clips are decoded at for `model`: `--max-size` when given, else the
 * model's own frame side, as the app reads camera frames and the analyser decodes by default.
 */
export function decodeSide(model: ModelId, maxSizeOption: string | undefined): number {
	if (maxSizeOption === undefined) return modelFrameSide(model);
	const px = Number(maxSizeOption);
	if (!Number.isInteger(px) || px < 64) {
		throw new Error(
			`--max-size must be a whole number of pixels, at least 64 (got ${maxSizeOption})`
		);
	}
	return px;
}

export function cachedTraceName(clipFile: string, model: ModelId, maxSize: number): string {
	return `${path.basename(clipFile, '.mp4')}.${model}.s${maxSize}.json.gz`;
}
