/**
 * A tfjs `IOHandler` that reads a graph model (`model.json` and its `.bin` weight files) from
 * disk. tfjs in Node cannot load `file://` URLs without tfjs-node, which does not install here.
 *
 * Failures are `ModelLoadError`s naming the file: `missing` when a file does not exist,
 * `corrupt` when the JSON does not parse or a weight file's size differs from the JSON's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { ModelLoadError } from '../errors';
import { checkWeightBytes, expectedWeightBytes, parseModelJson } from '../models';

async function read(file: string): Promise<Buffer> {
	try {
		return await readFile(file);
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			throw ModelLoadError.missing(path.basename(file), `no such file: ${file}`, { cause: err });
		}
		throw new ModelLoadError(
			'unknown',
			`The pose model file ${file} could not be read: ${(err as Error).message}`,
			{ file: path.basename(file), cause: err }
		);
	}
}

/** An `ArrayBuffer` holding exactly the bytes of `buf` (a Buffer may share a larger pool). */
function exactArrayBuffer(buf: Uint8Array): ArrayBuffer {
	const out = new ArrayBuffer(buf.byteLength);
	new Uint8Array(out).set(buf);
	return out;
}

/** Loads the graph model whose JSON is at `jsonPath`; weight paths resolve beside it. */
export function fileModelHandler(jsonPath: string): tf.io.IOHandler {
	return {
		async load(): Promise<tf.io.ModelArtifacts> {
			const jsonFile = path.basename(jsonPath);
			const json = parseModelJson((await read(jsonPath)).toString('utf8'), jsonFile);
			const expected = expectedWeightBytes(json);
			const dir = path.dirname(jsonPath);
			return tf.io.getModelArtifactsForJSON(json as tf.io.ModelJSON, async (manifest) => {
				const buffers: ArrayBuffer[] = [];
				for (const group of manifest) {
					for (const p of group.paths) {
						const bytes = await read(path.resolve(dir, p));
						checkWeightBytes(path.basename(p), bytes.byteLength, expected.get(p));
						buffers.push(exactArrayBuffer(bytes));
					}
				}
				return [tf.io.getWeightSpecs(manifest), buffers];
			});
		}
	};
}
