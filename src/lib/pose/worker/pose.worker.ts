/**
 * The pose model in a dedicated worker (see ./worker-estimator.ts for why): loads a tfjs model
 * on the wasm backend and answers one frame at a time with the bodies found in it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setBackend } from '../backend';
import { createEstimator, type PoseEstimator } from '../estimator';
import { toWireError, type FromWorker, type ToWorker } from './protocol';

const scope = self as unknown as {
	onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
	postMessage(message: FromWorker): void;
};
let estimator: PoseEstimator | null = null;
/** Requests run in order: the model keeps state from one frame to the next. */
let queue: Promise<void> = Promise.resolve();

async function handle(msg: ToWorker): Promise<void> {
	switch (msg.type) {
		case 'load':
			try {
				await setBackend('wasm');
				estimator = await createEstimator({ model: msg.model, modelBaseUrl: msg.modelBaseUrl });
				scope.postMessage({ type: 'loaded', backend: tf.getBackend() });
			} catch (err) {
				scope.postMessage({ type: 'error', id: null, error: toWireError(err) });
			}
			return;
		case 'estimate':
			try {
				if (!estimator) throw new Error('The pose model is not loaded in its worker.');
				const bodies = await estimator.estimate(msg.frame, msg.timestampMs);
				scope.postMessage({ type: 'bodies', id: msg.id, bodies });
			} catch (err) {
				scope.postMessage({ type: 'error', id: msg.id, error: toWireError(err) });
			} finally {
				msg.frame.close();
			}
			return;
		case 'reset':
			estimator?.reset();
			return;
		case 'memory': {
			const m = tf.memory();
			scope.postMessage({
				type: 'memory',
				id: msg.id,
				numTensors: m.numTensors,
				numBytes: m.numBytes
			});
			return;
		}
	}
}

scope.onmessage = (e) => {
	queue = queue.then(() => handle(e.data));
};
