import { describe, expect, it } from 'vitest';
import { FrameStats } from '$lib/session/stats';
import { MIN_FRAMES, SLOW_FRAME_MS, slowDevice } from './slow-device';

const withFrames = (n: number, ms: number) => {
	const s = new FrameStats().snapshot();
	return { ...s, pipelineMs: { n, mean: ms, p50: ms, p95: ms } };
};

describe('slowDevice', () => {
	it('is slow only past SLOW_FRAME_MS, once enough frames were timed', () => {
		expect(slowDevice(withFrames(MIN_FRAMES, SLOW_FRAME_MS + 1))).toBe(true);
		expect(slowDevice(withFrames(MIN_FRAMES, SLOW_FRAME_MS))).toBe(false);
		expect(slowDevice(withFrames(MIN_FRAMES - 1, 1000))).toBe(false);
		expect(slowDevice(new FrameStats().snapshot())).toBe(false);
	});
});
