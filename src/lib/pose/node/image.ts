/**
 * Image files to pixels in Node, for tests, the command-line analyser and benchmarks. JPEG only
 * (jpeg-js, pure JavaScript); the browser decodes frames itself.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs-core';
import jpeg from 'jpeg-js';

/** JPEG files start with the SOI marker FF D8 FF. */
function isJpeg(bytes: Uint8Array): boolean {
	return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * Decodes JPEG bytes to RGBA pixels (tfjs's `PixelData`, which the estimator accepts).
 * `name` is used in the error for a file that is not a JPEG.
 */
export function decodeJpeg(bytes: Uint8Array, name = 'image'): tf.PixelData {
	if (!isJpeg(bytes)) throw new Error(`${name} is not a JPEG file (only JPEG is supported).`);
	const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
	return { width: img.width, height: img.height, data: img.data };
}

/** Reads and decodes a JPEG file to RGBA pixels. */
export async function decodeImage(file: string): Promise<tf.PixelData> {
	return decodeJpeg(await readFile(file), file);
}

/** Reads a JPEG file as a `[height, width, 3]` int32 RGB tensor; the caller disposes it. */
export async function imageTensor(file: string): Promise<tf.Tensor3D> {
	const bytes = await readFile(file);
	if (!isJpeg(bytes)) throw new Error(`${file} is not a JPEG file (only JPEG is supported).`);
	const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false });
	return tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
}
