/**
 * Sampling a {@link Motion} into pose frames, as a pose model would report them, and writing
 * them as a pose trace (docs/pose-trace.md in this repository).
 */
import { COCO_KEYPOINTS, type PoseFrame } from '../pose/keypoints';
import type { PoseTraceV1 } from '../trace/pose-trace';
import { makeCamera, projectSkeleton, type Camera, type CameraOptions } from './camera';
import type { Motion, MotionEvent } from './motion';
import { KeypointNoise, NOISE_PRESETS, Rng, type NoiseOptions } from './noise';
import { computeSkeleton, DEFAULT_PROPORTIONS, type Proportions } from './skeleton';

export interface GenerateOptions {
	/** What the person does. */
	timeline: Motion;
	/** A camera, or options for `makeCamera` (default: front view, 640×480, 3 m). */
	camera?: Camera | CameraOptions;
	/** Body proportions (default: a 1.75 m adult). */
	proportions?: Proportions;
	/** Noise options or a preset name (default: none). */
	noise?: Partial<NoiseOptions> | keyof typeof NOISE_PRESETS;
	/** Frames per second (default 30). */
	fps?: number;
	/** Seed for every random draw (default 1). */
	seed?: number;
	/** Added to every frame time, seconds (default 0). */
	startSeconds?: number;
	/**
	 * Irregular frame timing: sd of each frame's time as a fraction of the frame interval
	 * (default 0; clamped to ±0.4 interval so times stay strictly increasing).
	 */
	timeJitter?: number;
	/** Probability that a frame is absent from the output altogether (default 0). */
	skipProbability?: number;
}

export interface Simulation {
	frames: PoseFrame[];
	/** Ground truth, times shifted by `startSeconds`. */
	events: MotionEvent[];
	camera: Camera;
	proportions: Proportions;
	fps: number;
}

const isCamera = (c: Camera | CameraOptions): c is Camera =>
	'yawDeg' in c && 'pxPerMetre' in c && 'target' in c;

/** Samples the motion at `fps` from t = 0 to its duration inclusive, with noise. */
export function simulate(o: GenerateOptions): Simulation {
	const fps = o.fps ?? 30;
	if (!(fps > 0) || !Number.isFinite(fps)) throw new Error(`simulate: fps must be > 0, got ${fps}`);
	const seed = o.seed ?? 1;
	const camera = o.camera && isCamera(o.camera) ? o.camera : makeCamera(o.camera ?? {});
	const proportions = o.proportions ?? DEFAULT_PROPORTIONS;
	const noise = new KeypointNoise(o.noise ?? {}, seed);
	const start = o.startSeconds ?? 0;
	const timeJitter = o.timeJitter ?? 0;
	const skip = o.skipProbability ?? 0;
	const timeRng = Rng.derive(seed, 101);
	const skipRng = Rng.derive(seed, 102);
	const dt = 1 / fps;
	// + 1e-9: a duration that is a whole number of frames includes its last frame.
	const n = Math.floor(o.timeline.duration * fps + 1e-9) + 1;
	const frames: PoseFrame[] = [];
	let lastT = -Infinity;
	for (let i = 0; i < n; i++) {
		const jitter =
			timeJitter > 0 ? Math.max(-0.4, Math.min(0.4, timeRng.gaussian(0, timeJitter))) * dt : 0;
		const tLocal = Math.max(0, i * dt + jitter);
		const skipped = skipRng.chance(skip);
		const clean = projectSkeleton(computeSkeleton(o.timeline.sample(tLocal), proportions), camera);
		const body = noise.apply(clean, Number.isFinite(lastT) ? tLocal - lastT : dt);
		lastT = tLocal;
		if (skipped) continue;
		frames.push({ t: start + tLocal, body });
	}
	const events = o.timeline.events.map((e) => ({ ...e, t: e.t + start }));
	return { frames, events, camera, proportions, fps };
}

/** The frames of {@link simulate}: `PoseFrame`s with t in seconds from `startSeconds`. */
export function generateFrames(o: GenerateOptions): PoseFrame[] {
	return simulate(o).frames;
}

/** A pose trace, version 1 (docs/pose-trace.md): the reader's own type. */
export type PoseTraceJson = PoseTraceV1;

export interface TraceMeta {
	/** Nominal frame rate (informational). */
	fps: number;
	/** Model name (default 'stick-figure'). */
	model?: string;
	/** Frame size, px; default: the first body's. Required when every frame is null. */
	width?: number;
	height?: number;
}

/** Decimal places kept: 0.01 px, 0.001 score, 0.1 ms: far below any model's precision. */
const round = (v: number, places: number): number => {
	const k = 10 ** places;
	return Math.round(v * k) / k;
};

/**
 * Frames as a pose trace. Rows follow the 17 COCO names; a keypoint the model did not give
 * becomes `[0, 0, 0]` (score 0: not seen), since every row must be `[x, y, score]`. Throws when
 * times are not strictly increasing (after rounding to 0.1 ms) or the frame size is unknown.
 */
export function toTraceJson(frames: readonly PoseFrame[], meta: TraceMeta): PoseTraceJson {
	const first = frames.find((f) => f.body !== null)?.body ?? null;
	const width = meta.width ?? first?.width;
	const height = meta.height ?? first?.height;
	if (width === undefined || height === undefined) {
		throw new Error('toTraceJson: no frame has a body; give width and height in meta');
	}
	let last = -Infinity;
	const out = frames.map((f, i) => {
		const t = round(f.t, 4);
		if (!(t > last))
			throw new Error(`toTraceJson: frame ${i} time ${f.t} s is not after ${last} s`);
		last = t;
		const keypoints =
			f.body === null
				? null
				: COCO_KEYPOINTS.map((_, k): [number, number, number] => {
						const p = f.body!.keypoints[k];
						return p ? [round(p.x, 2), round(p.y, 2), round(p.score, 3)] : [0, 0, 0];
					});
		return { t, keypoints };
	});
	return {
		format: 'pose-trace',
		version: 1,
		model: meta.model ?? 'stick-figure',
		keypointNames: [...COCO_KEYPOINTS],
		width,
		height,
		fps: meta.fps,
		frames: out
	};
}
