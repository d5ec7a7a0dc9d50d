import { describe, expect, it } from 'vitest';
import { FrameReader, modelFrameSide, readSize, toFramePixels } from './frame-reader';

describe('modelFrameSide', () => {
	it('reads twice the model input, so a person filling half the frame is not upsampled', () => {
		expect(modelFrameSide('movenet-lightning')).toBe(384); // input 192
		expect(modelFrameSide('movenet-thunder')).toBe(512); // input 256
		expect(modelFrameSide('blazepose-full')).toBe(512); // input 256
	});
});

describe('readSize', () => {
	it('shrinks the longer side to the read size and keeps the shape', () => {
		expect(readSize(640, 480, 384)).toEqual({ width: 384, height: 288 });
		expect(readSize(480, 640, 384)).toEqual({ width: 288, height: 384 });
		expect(readSize(1920, 1080, 320)).toEqual({ width: 320, height: 180 });
	});

	it('never enlarges a frame that is already small', () => {
		expect(readSize(256, 192, 384)).toEqual({ width: 256, height: 192 });
		expect(readSize(384, 288, 384)).toEqual({ width: 384, height: 288 });
	});

	it('keeps at least one pixel on a sliver of a frame', () => {
		expect(readSize(4000, 2, 320)).toEqual({ width: 320, height: 1 });
	});
});

describe('toFramePixels', () => {
	it('moves keypoints from the small picture back to the frame, keeping the rest', () => {
		const poses = [
			{
				score: 0.8,
				keypoints: [
					{ x: 100, y: 50, score: 0.9, name: 'nose' },
					{ x: 0, y: 320, score: 0.2, name: 'left_ankle' }
				]
			}
		];
		const [pose] = toFramePixels(poses, [2, 2.0016]);
		expect(pose!.score).toBe(0.8);
		expect(pose!.keypoints[0]).toMatchObject({ x: 200, score: 0.9, name: 'nose' });
		expect(pose!.keypoints[0]!.y).toBeCloseTo(100.08, 6);
		expect(pose!.keypoints[1]!.y).toBeCloseTo(640.512, 6);
		// The model's own result is left as it was.
		expect(poses[0]!.keypoints[0]!.x).toBe(100);
	});
});

describe('FrameReader', () => {
	it('gives no pixels where no 2D canvas exists, so the caller reads the frame itself', () => {
		// Node has neither OffscreenCanvas nor document.
		const reader = new FrameReader(384);
		const frame = {} as unknown as HTMLCanvasElement;
		expect(reader.read(frame, 640, 480)).toBeNull();
	});

	it('gives no pixels for a frame already at or under the read size', () => {
		const reader = new FrameReader(320);
		const frame = {} as unknown as HTMLCanvasElement;
		expect(reader.read(frame, 320, 240)).toBeNull();
	});
});
