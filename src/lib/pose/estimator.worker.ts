/// <reference lib="webworker" />
/**
 * The pose model in a Web Worker: the same tfjs, backend and model files as on the page
 * (estimator.ts), run on the pixels the page sends (worker-protocol.ts). The page then only
 * reads each frame small and draws; the model's ~30 ms a frame run here, on another thread.
 *
 * Messages are handled one at a time, in the order they came: the models keep state between
 * frames (a crop around the last pose), and `reset` must fall between the right frames.
 */
import { setBackend, tfjsBackendHost } from './backend';
import { createEstimator, type PoseEstimator } from './estimator';
import { prefetchModelFiles } from './model-prefetch';
import { getModel } from './models';
import { pixelBytes, serializeError, type FromWorker, type ToWorker } from './worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let estimator: PoseEstimator | null = null;
let queue: Promise<void> = Promise.resolve();

const post = (message: FromWorker) => scope.postMessage(message);

async function handle(message: ToWorker): Promise<void> {
	switch (message.type) {
		case 'load': {
			try {
				// The weights download while the wasm backend compiles, not after it.
				const fetchModel = prefetchModelFiles(getModel(message.model), message.modelBaseUrl);
				await setBackend(message.backend, tfjsBackendHost({ wasmPaths: message.wasmPaths }));
				estimator = await createEstimator({
					model: message.model,
					runtime: 'tfjs',
					modelBaseUrl: message.modelBaseUrl,
					fetch: fetchModel
				});
				post({
					type: 'loaded',
					backend: message.backend,
					minPersonScore: estimator.minPersonScore
				});
			} catch (err) {
				post({ type: 'load-failed', error: serializeError(err) });
			}
			return;
		}
		case 'estimate': {
			const { id, width, height, pixels } = message;
			try {
				if (!estimator) throw new Error('The pose model is not loaded in the worker.');
				if (pixels.byteLength !== pixelBytes(width, height)) {
					throw new Error(
						`A ${width}×${height} frame needs ${pixelBytes(width, height)} bytes of RGBA, got ${pixels.byteLength}.`
					);
				}
				const data = new Uint8Array(pixels);
				const bodies = await estimator.estimate({ data, width, height });
				post({ type: 'bodies', id, bodies });
			} catch (err) {
				post({ type: 'estimate-failed', id, error: serializeError(err) });
			}
			return;
		}
		case 'reset':
			estimator?.reset();
			return;
	}
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
	queue = queue.then(() => handle(event.data));
};
