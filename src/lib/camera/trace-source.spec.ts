import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '$lib/pose/keypoints';
import { parseTrace } from '$lib/trace/pose-trace';
import { FRAMES_PER_TICK, TraceSource } from './trace-source';

/** A trace of `n` frames, 0.1 s apart from `start` s; every third frame has nobody in it. */
function trace(n: number, start = 5) {
	return parseTrace(
		JSON.stringify({
			format: 'pose-trace',
			version: 1,
			model: 'test-model',
			keypointNames: ['left_shoulder', 'right_shoulder'],
			width: 320,
			height: 240,
			fps: 10,
			frames: Array.from({ length: n }, (_, i) => ({
				t: start + i / 10,
				keypoints:
					i % 3 === 2
						? null
						: [
								[100, 100, 0.9],
								[0, 0, 0]
							]
			}))
		})
	);
}

/** A fake display: `tick()` runs the pending animation frame. */
function fakeDisplay() {
	let pending: (() => void) | null = null;
	return {
		requestFrame: (cb: () => void) => {
			pending = cb;
			return () => {
				if (pending === cb) pending = null;
			};
		},
		tick() {
			const cb = pending;
			pending = null;
			cb?.();
		},
		get waiting() {
			return pending !== null;
		}
	};
}

const times = (frames: readonly PoseFrame[]) => frames.map((f) => Math.round(f.t * 10) / 10);

describe('TraceSource', () => {
	it('takes the trace’s size and model, and drops score-0 "not given" points like the analyser', () => {
		const s = new TraceSource(trace(10), { label: 'a.json' });
		expect(s).toMatchObject({ kind: 'file', mirrored: false, label: 'a.json' });
		expect([s.width, s.height, s.model]).toEqual([320, 240, 'test-model']);
		expect(s.duration).toBeCloseTo(0.9, 9);
		expect(s.frames[0]!.body!.keypoints[5]).toEqual({ x: 100, y: 100, score: 0.9 });
		expect(s.frames[0]!.body!.keypoints[6]).toBeNull();
	});

	it('hands frames over at their original times, in real time from the first frame', async () => {
		let now = 1000;
		const s = new TraceSource(trace(10), { now: () => now });
		// The first frame is due at once; the clock runs only while playing.
		expect(times(s.pull())).toEqual([5]);
		now += 500;
		expect(s.pull()).toEqual([]);
		await s.play();
		now += 250;
		expect(times(s.pull())).toEqual([5.1, 5.2]);
		// Paused (detached) time does not count.
		s.detach();
		now += 10_000;
		expect(s.pull()).toEqual([]);
		await s.play();
		now += 100;
		expect(times(s.pull())).toEqual([5.3]);
		now += 60_000;
		expect(s.pull(now, 4)).toHaveLength(4); // at most `max` per call
		expect(s.pull()).toHaveLength(2);
		expect(s.done).toBe(true);
		expect(s.delivered).toBe(10);
	});

	it('skips to the end in chunks, every frame once and in order', async () => {
		const n = FRAMES_PER_TICK * 2 + 7;
		const s = new TraceSource(trace(n), { now: () => 0 });
		await s.play();
		s.skipToEnd();
		const got = [s.pull(), s.pull(), s.pull(), s.pull()];
		expect(got.map((g) => g.length)).toEqual([FRAMES_PER_TICK, FRAMES_PER_TICK, 7, 0]);
		expect(got.flat()).toEqual(s.frames);
	});

	it('runs on display refreshes, then signals finished once', () => {
		let now = 0;
		const display = fakeDisplay();
		const s = new TraceSource(trace(5, 0), { now: () => now, requestFrame: display.requestFrame });
		const seen: number[] = [];
		const ended: string[] = [];
		s.onEnded((r) => ended.push(r));
		s.run((frames) => seen.push(...times(frames)));
		display.tick();
		expect(seen).toEqual([0]);
		now += 1000;
		display.tick();
		expect(seen).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
		expect(ended).toEqual(['finished']);
		expect(display.waiting).toBe(false);
	});

	it('stops when told, keeps its place, and restarts from the first frame', () => {
		let now = 0;
		const display = fakeDisplay();
		const s = new TraceSource(trace(5, 0), { now: () => now, requestFrame: display.requestFrame });
		const seen: number[] = [];
		const stop = s.run((frames) => seen.push(...times(frames)));
		now += 150;
		display.tick();
		stop();
		expect(display.waiting).toBe(false);
		now += 5000;
		s.run((frames) => seen.push(...times(frames)));
		display.tick();
		expect(seen).toEqual([0, 0.1]);
		s.skipToEnd();
		display.tick();
		expect(s.done).toBe(true);
		s.restart();
		expect(s.done).toBe(false);
		expect(s.skipping).toBe(false);
		const again: number[] = [];
		const ended: string[] = [];
		s.onEnded((r) => ended.push(r));
		s.run((frames) => again.push(...times(frames)));
		now += 1000;
		display.tick();
		expect(again).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
		expect(ended).toEqual(['finished']);
	});

	it('an empty trace is done at once', () => {
		const s = new TraceSource(trace(0));
		expect(s.done).toBe(true);
		expect(s.duration).toBe(0);
		expect(s.pull()).toEqual([]);
	});
});
