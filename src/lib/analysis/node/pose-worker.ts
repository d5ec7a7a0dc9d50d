/**
 * One pose-model thread of the video analyser's pool (./pose-pool.ts): loads the model named in
 * `workerData`, then answers each frame message with the bodies found, strictly in the order the
 * frames came (the model keeps a crop region from one frame to the next).
 *
 * Node only; started by `createPosePool`, never imported.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type { Body } from '../../pose/keypoints';
import type { ModelId } from '../../pose/models';
import { createNodeEstimator } from '../../pose/node';
import type { PoolReply, PoolRequest } from './pose-pool';

const port = parentPort;
if (!port) throw new Error('pose-worker.ts runs as a worker thread only');

const { model } = workerData as { model: ModelId };

try {
	const estimator = await createNodeEstimator(model);
	let queue = Promise.resolve();
	port.on('message', (m: PoolRequest) => {
		queue = queue.then(async () => {
			let reply: PoolReply;
			try {
				const data = new Uint8Array(m.data);
				const image = tf.tensor3d(data, [m.height, m.width, 3], 'int32');
				let bodies: Body[];
				try {
					bodies = await estimator.estimate(image, m.timestampMs);
				} finally {
					image.dispose();
				}
				reply = { id: m.id, bodies };
			} catch (e) {
				reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
			}
			port.postMessage(reply);
		});
	});
	port.postMessage({ ready: true } satisfies PoolReply);
} catch (e) {
	port.postMessage({ failed: e instanceof Error ? e.message : String(e) } satisfies PoolReply);
}
