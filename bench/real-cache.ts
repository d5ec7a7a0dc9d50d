/**
 * Names of the cached pose traces of the real clips (under the ignored `.cache/real-traces/`),
 * shared by `bench:real` and `bench:posture-real`. The decode size is part of the name: a trace
 * made from frames decoded at 640 px is not the trace the model gives at 320 px.
 */
import path from 'node:path';
import type { ModelId } from '../src/lib/pose/models';

export function cachedTraceName(clipFile: string, model: ModelId, maxSize: number): string {
	return `${path.basename(clipFile, '.mp4')}.${model}.s${maxSize}.json.gz`;
}
