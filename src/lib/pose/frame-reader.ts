/**
 * Reads a camera frame at the size the pose model needs, not the camera's.
 *
 * Every model we run looks at 192–256 px (models.ts `inputSize`), but `tf.browser.fromPixels`
 * on a <video> copies the whole picture into JavaScript first, then into an int32 tensor: at
 * 480×640 that took 27 ms of a 49 ms frame on a 2-core laptop with the WebAssembly backend, more
 * than half of what the app spent per frame beyond the model itself. Drawing the frame into a
 * small canvas and reading that back costs a fraction of it: the pixels read fall with the square
 * of the side (at 384 px, 0.36 of a 640-px frame's).
 *
 * The analyser decodes video at the same size (analysis/node/video.ts), so the real-footage
 * benchmark measures the engine on the frames the app gives it.
 *
 * No DOM global is touched at import time: the canvas is made on the first read, from
 * `OffscreenCanvas` where the browser has it.
 */
import { getModel, type ModelId } from './models';

/**
 * Longest side, px, a frame is read at before `model`: twice its square input (`inputSize`), so
 * 384 for MoveNet Lightning, 512 for the 256-px models. The models look at a crop around
 * the person, resized to their input; a person who fills half the frame (at a desk, or standing
 * back) is then cropped at about the model's own resolution, not upsampled from fewer pixels.
 * On the real clips (`npm run bench:real -- --max-size <px>`, bench/README.md) the counts are the
 * same at 320–640 px but for marginal cases; at 320 MoveNet Lightning counted moves that were not
 * there on 10 of the 95 idle-desk checks against 6 at 384–640, and BlazePose Full did best at
 * 512 (8, against 10–12 at 320, 448 and 640).
 */
export function modelFrameSide(model: ModelId): number {
	return 2 * getModel(model).inputSize;
}

/** The size a `width × height` frame is read at: at most `maxSide` on its longer side. */
export function readSize(
	width: number,
	height: number,
	maxSide: number
): { width: number; height: number } {
	const k = Math.min(1, maxSide / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * k)),
		height: Math.max(1, Math.round(height * k))
	};
}

/** A point in the pixels of the picture a model was given. */
interface Located {
	x: number;
	y: number;
}

/**
 * Poses found in a frame read smaller, moved to the frame's own pixels. `sx`, `sy`: frame pixels
 * per pixel read, across and down (the two differ by at most a rounding).
 */
export function toFramePixels<P extends { keypoints: readonly Located[] }>(
	poses: readonly P[],
	[sx, sy]: readonly [number, number]
): P[] {
	return poses.map((pose) => ({
		...pose,
		keypoints: pose.keypoints.map((k) => ({ ...k, x: k.x * sx, y: k.y * sy }))
	}));
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A source a 2D canvas can draw. */
export type DrawableFrame = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap;

export class FrameReader {
	#context: Context2D | null = null;
	/** False once making a canvas failed: read() then returns null for good. */
	#usable = true;

	/** `maxSide`: the longest side read, px (the model's `modelFrameSide`). */
	constructor(readonly maxSide: number) {}

	/**
	 * The frame's pixels at most `maxSide` on the longer side, or null where nothing is gained
	 * (the frame is already that small) or no 2D canvas can be had (the caller reads the frame
	 * itself then).
	 */
	read(frame: DrawableFrame, width: number, height: number): ImageData | null {
		const size = readSize(width, height, this.maxSide);
		if (size.width >= width && size.height >= height) return null;
		return this.#draw(frame, size);
	}

	/**
	 * The frame's pixels at most `maxSide` on the longer side, also when that is its own size (the
	 * pose worker can only be sent pixels); null only where no 2D canvas can be had.
	 */
	readPixels(frame: DrawableFrame, width: number, height: number): ImageData | null {
		return this.#draw(frame, readSize(width, height, this.maxSide));
	}

	#draw(frame: DrawableFrame, size: { width: number; height: number }): ImageData | null {
		const ctx = this.#contextOf(size.width, size.height);
		if (!ctx) return null;
		ctx.drawImage(frame, 0, 0, size.width, size.height);
		return ctx.getImageData(0, 0, size.width, size.height);
	}

	#contextOf(width: number, height: number): Context2D | null {
		if (!this.#usable) return null;
		if (!this.#context) {
			try {
				// willReadFrequently: a canvas kept in memory, not on the GPU, since we read back
				// every frame (a GPU canvas makes each getImageData a slow readback).
				const options = { willReadFrequently: true, alpha: false };
				const canvas =
					typeof OffscreenCanvas === 'function'
						? new OffscreenCanvas(width, height)
						: typeof document === 'object'
							? Object.assign(document.createElement('canvas'), { width, height })
							: null;
				this.#context = (canvas?.getContext('2d', options) as Context2D | null) ?? null;
			} catch {
				this.#context = null;
			}
			if (!this.#context) {
				this.#usable = false;
				return null;
			}
		}
		const canvas = this.#context.canvas;
		if (canvas.width !== width) canvas.width = width;
		if (canvas.height !== height) canvas.height = height;
		return this.#context;
	}
}
