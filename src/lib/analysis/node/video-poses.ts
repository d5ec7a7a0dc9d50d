/**
 * A video file to pose frames: ffmpeg decodes (./video.ts), the real pose model runs on each
 * frame in Node (tfjs wasm, `src/lib/pose/node`), and the person is tracked from frame to frame
 * as in the live app (`pickPerson`). Keypoints come back in the video's own pixels, whatever
 * size it was decoded at, so a saved trace lines up with the original video.
 *
 * Node only.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoseEstimator } from '../../pose/estimator';
import type { Body, PoseFrame } from '../../pose/keypoints';
import { modelFrameSide } from '../../pose/frame-reader';
import { DEFAULT_MODEL, type ModelId } from '../../pose/models';
import { createNodeEstimator } from '../../pose/node';
import { pickPerson } from '../../pose/tracking';
import { createPosePool } from './pose-pool';
import { decodeVideo, probeVideo, type DecodeOptions, type VideoInfo } from './video';

/**
 * The decode options for `model`: frames at the model's own frame side (as the app reads camera
 * frames, pose/frame-reader.ts) unless `maxSize` is given.
 */
function decodeFor(model: ModelId, options: DecodeOptions): DecodeOptions {
	return { ...options, maxSize: options.maxSize ?? modelFrameSide(model) };
}

export interface VideoPosesOptions extends DecodeOptions {
	/** Pose model (default MoveNet Lightning); ignored when `estimator` is given. */
	model?: ModelId;
	/** A loaded estimator to reuse (it is reset first, and not disposed). */
	estimator?: PoseEstimator;
	/**
	 * Pose-model threads (default 1): more run one model per worker thread (./pose-pool.ts), about
	 * that many times faster on as many free cores. Ignored when `estimator` is given.
	 */
	threads?: number;
	/** Called once the video is probed, before the model loads. */
	onStart?: (info: VideoInfo) => void;
	/** Called after each frame with the frames done so far. */
	onFrame?: (done: number) => void;
}

export interface VideoPoses {
	info: VideoInfo;
	model: ModelId;
	/** Decoded frame size, px. */
	decoded: { width: number; height: number };
	frames: PoseFrame[];
	/** Wall-clock seconds spent decoding and estimating (model loading excluded). */
	seconds: number;
	/** Seconds to load the model (0 when an estimator was given). */
	loadSeconds: number;
}

/** A body measured on a `w × h` frame, rescaled to the video's `width × height` pixels. */
function rescale(body: Body, width: number, height: number): Body {
	const sx = width / body.width;
	const sy = height / body.height;
	if (sx === 1 && sy === 1) return body;
	return {
		width,
		height,
		keypoints: body.keypoints.map((k) => (k ? { x: k.x * sx, y: k.y * sy, score: k.score } : null))
	};
}

/** Runs the pose model over every frame of a video. Throws `VideoError` for unreadable videos. */
export async function posesFromVideo(
	file: string,
	options: VideoPosesOptions = {}
): Promise<VideoPoses> {
	const info = await probeVideo(file, options);
	options.onStart?.(info);
	const threads = options.estimator ? 1 : Math.max(1, Math.floor(options.threads ?? 1));
	if (threads > 1) return posesOnThreads(file, info, threads, options);
	const loadStart = performance.now();
	const estimator =
		options.estimator ?? (await createNodeEstimator(options.model ?? DEFAULT_MODEL));
	const loadSeconds = options.estimator ? 0 : (performance.now() - loadStart) / 1000;
	estimator.reset();
	const frames: PoseFrame[] = [];
	let previous: Body | null = null;
	let decoded = { width: info.width, height: info.height };
	const start = performance.now();
	try {
		for await (const f of decodeVideo(file, info, decodeFor(estimator.model, options))) {
			decoded = { width: f.width, height: f.height };
			const image = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
			let bodies: Body[];
			try {
				bodies = await estimator.estimate(image, f.t * 1000);
			} finally {
				image.dispose();
			}
			const body = pickPerson(bodies, previous);
			previous = body;
			frames.push({ t: f.t, body: body ? rescale(body, info.width, info.height) : null });
			options.onFrame?.(frames.length);
		}
	} finally {
		if (!options.estimator) estimator.dispose();
	}
	return {
		info,
		model: estimator.model,
		decoded,
		frames,
		seconds: (performance.now() - start) / 1000,
		loadSeconds
	};
}

/** `posesFromVideo` with the model on `threads` worker threads; same frames, same tracking. */
async function posesOnThreads(
	file: string,
	info: VideoInfo,
	threads: number,
	options: VideoPosesOptions
): Promise<VideoPoses> {
	const model = options.model ?? DEFAULT_MODEL;
	const loadStart = performance.now();
	const pool = await createPosePool(model, threads);
	const loadSeconds = (performance.now() - loadStart) / 1000;
	const frames: PoseFrame[] = [];
	let previous: Body | null = null;
	let decoded = { width: info.width, height: info.height };
	// Frames sent and not yet back, in video order: two per thread keeps every thread busy.
	const inFlight: { t: number; bodies: Promise<Body[]> }[] = [];
	const takeOldest = async () => {
		const { t, bodies } = inFlight.shift()!;
		const body = pickPerson(await bodies, previous);
		previous = body;
		frames.push({ t, body: body ? rescale(body, info.width, info.height) : null });
		options.onFrame?.(frames.length);
	};
	const start = performance.now();
	try {
		for await (const f of decodeVideo(file, info, decodeFor(model, options))) {
			decoded = { width: f.width, height: f.height };
			const bodies = pool.estimate(f);
			// A rejection is handled when its turn comes; until then it must not count as unhandled.
			bodies.catch(() => {});
			inFlight.push({ t: f.t, bodies });
			if (inFlight.length >= threads * 2) await takeOldest();
		}
		while (inFlight.length > 0) await takeOldest();
	} finally {
		await pool.close();
	}
	return {
		info,
		model,
		decoded,
		frames,
		seconds: (performance.now() - start) / 1000,
		loadSeconds
	};
}
