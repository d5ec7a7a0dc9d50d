import { describe, expect, it } from 'vitest';
import { ModelLoadError } from './errors';
import type { Body } from './keypoints';
import {
	bodiesInFrame,
	deserializeError,
	isWorkerBackend,
	PendingFrames,
	pixelBytes,
	serializeError
} from './worker-protocol';

/** A body with two keypoints set (nose, left eye) and the rest not given. */
function body(width: number, height: number, x = 96, y = 144): Body {
	const keypoints: Body['keypoints'] = Array.from({ length: 17 }, (_, i) =>
		i === 0 ? { x, y, score: 0.9 } : i === 1 ? { x: x + 10, y, score: 0.4 } : null
	);
	return { keypoints, width, height };
}

describe('pixelBytes', () => {
	it('counts four bytes (RGBA) a pixel: a 480×640 frame read at 288×384 is 432 KiB, not 1.2 MB', () => {
		expect(pixelBytes(288, 384)).toBe(442_368);
		expect(pixelBytes(480, 640)).toBe(1_228_800);
		expect(pixelBytes(1, 1)).toBe(4);
	});
});

describe('bodiesInFrame', () => {
	it('scales keypoints from the picture read to the frame and gives the body the frame size', () => {
		const [b] = bodiesInFrame(
			[body(288, 384)],
			{ width: 288, height: 384 },
			{ width: 480, height: 640 }
		);
		expect(b!.width).toBe(480);
		expect(b!.height).toBe(640);
		expect(b!.keypoints[0]!.x).toBeCloseTo(160, 9);
		expect(b!.keypoints[0]!.y).toBeCloseTo(240, 9);
		expect(b!.keypoints[0]!.score).toBe(0.9);
		expect(b!.keypoints[1]!.x).toBeCloseTo(176.667, 3);
		expect(b!.keypoints[2]).toBeNull();
		expect(b!.keypoints).toHaveLength(17);
	});

	it('keeps a frame read at its own size as it is, and no body as none', () => {
		const same = bodiesInFrame(
			[body(256, 192)],
			{ width: 256, height: 192 },
			{ width: 256, height: 192 }
		);
		expect(same[0]!.keypoints[0]).toEqual({ x: 96, y: 144, score: 0.9 });
		expect(bodiesInFrame([], { width: 288, height: 384 }, { width: 480, height: 640 })).toEqual([]);
	});
});

describe('errors across the worker boundary', () => {
	it('a ModelLoadError arrives with its kind, file, status and words, so the page says the same', () => {
		const sent = ModelLoadError.missing('movenet-lightning.bin', 'HTTP 404', { status: 404 });
		const got = deserializeError(structuredClone(serializeError(sent)));
		expect(got).toBeInstanceOf(ModelLoadError);
		const e = got as ModelLoadError;
		expect(e.kind).toBe('missing');
		expect(e.file).toBe('movenet-lightning.bin');
		expect(e.status).toBe(404);
		expect(e.message).toBe(sent.message);
	});

	it('a damaged file stays "corrupt" and any other error a plain Error with its message', () => {
		const corrupt = deserializeError(serializeError(ModelLoadError.corrupt('a.json', 'not JSON')));
		expect((corrupt as ModelLoadError).kind).toBe('corrupt');
		const plain = deserializeError(serializeError(new TypeError('boom')));
		expect(plain).not.toBeInstanceOf(ModelLoadError);
		expect(plain.message).toBe('boom');
		expect(deserializeError(serializeError('text')).message).toBe('text');
	});
});

describe('isWorkerBackend', () => {
	it('takes the processor backends only', () => {
		expect(isWorkerBackend('wasm')).toBe(true);
		expect(isWorkerBackend('cpu')).toBe(true);
		expect(isWorkerBackend('webgl')).toBe(false);
		expect(isWorkerBackend('webgpu')).toBe(false);
		expect(isWorkerBackend(null)).toBe(false);
	});
});

describe('PendingFrames', () => {
	const read = { width: 288, height: 384 };
	const frame = { width: 480, height: 640 };

	it('pairs each answer with the frame that asked, in whatever order answers come', async () => {
		const pending = new PendingFrames();
		const first = pending.add(read, frame);
		// The next frame is sent before the first is answered (one frame in flight).
		const second = pending.add({ width: 192, height: 256 }, { width: 192, height: 256 });
		expect(second.id).not.toBe(first.id);
		expect(pending.size).toBe(2);

		expect(
			pending.settle({ type: 'bodies', id: second.id, bodies: [body(192, 256, 10, 20)] })
		).toBe(true);
		expect(pending.settle({ type: 'bodies', id: first.id, bodies: [body(288, 384)] })).toBe(true);
		const [a] = await first.bodies;
		const [b] = await second.bodies;
		expect(a!.keypoints[0]!.x).toBeCloseTo(160, 9); // scaled by its own frame's sizes
		expect(b!.keypoints[0]).toEqual({ x: 10, y: 20, score: 0.9 }); // read at its own size
		expect(pending.size).toBe(0);
	});

	it('ignores an answer for no frame waiting, and an answer given twice', async () => {
		const pending = new PendingFrames();
		const f = pending.add(read, frame);
		expect(pending.settle({ type: 'bodies', id: f.id + 99, bodies: [] })).toBe(false);
		expect(pending.settle({ type: 'loaded', backend: 'wasm', minPersonScore: 0.2 })).toBe(false);
		expect(pending.settle({ type: 'bodies', id: f.id, bodies: [] })).toBe(true);
		expect(pending.settle({ type: 'bodies', id: f.id, bodies: [] })).toBe(false);
		await expect(f.bodies).resolves.toEqual([]);
	});

	it('fails a frame whose estimate failed with the worker error, and all on failAll', async () => {
		const pending = new PendingFrames();
		const f = pending.add(read, frame);
		const g = pending.add(read, frame);
		const h = pending.add(read, frame);
		pending.settle({
			type: 'estimate-failed',
			id: f.id,
			error: serializeError(ModelLoadError.backend('wasm', 'out of memory'))
		});
		await expect(f.bodies).rejects.toMatchObject({ kind: 'backend' });
		pending.failAll(new Error('disposed'));
		await expect(g.bodies).rejects.toThrow('disposed');
		await expect(h.bodies).rejects.toThrow('disposed');
		expect(pending.size).toBe(0);
	});
});
