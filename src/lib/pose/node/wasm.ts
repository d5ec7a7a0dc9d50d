/**
 * The tfjs wasm backend in Node. `@tensorflow/tfjs-node` cannot be installed here (its install
 * downloads a binary), so Node runs models on the same wasm kernels as the browser, loading the
 * `.wasm` files from the installed package's own `dist/` folder.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-converter';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** `node_modules/@tensorflow/tfjs-backend-wasm/dist/`, with a trailing separator. */
export function nodeWasmDir(): string {
	const main = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
	return path.dirname(main) + path.sep;
}

let ready: Promise<void> | null = null;

/**
 * Makes `wasm` the active tfjs backend (once; later calls share the first). Must run before
 * anything else initialises the wasm backend, since its paths can only be set before that.
 */
export function initNodeWasm(): Promise<void> {
	ready ??= (async () => {
		if (!tf.findBackend('wasm')) setWasmPaths(nodeWasmDir());
		if (!(await tf.setBackend('wasm'))) {
			throw new Error('The tfjs wasm backend failed to start in Node.');
		}
		await tf.ready();
	})();
	ready.catch(() => {
		ready = null;
	});
	return ready;
}
