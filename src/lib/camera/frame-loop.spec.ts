import { describe, expect, it } from 'vitest';
import { startFrameLoop } from './frame-loop';

/** A video whose frames the test presents one by one (requestVideoFrameCallback). */
function fakeVideo() {
	let callbacks: Array<(now: number) => void> = [];
	const video = {
		readyState: 4,
		currentTime: 0,
		requestVideoFrameCallback(cb: (now: number) => void) {
			callbacks.push(cb);
			return callbacks.length;
		},
		cancelVideoFrameCallback() {
			callbacks = [];
		}
	};
	return {
		video: video as unknown as HTMLVideoElement,
		/** Presents a new frame at `now` ms: the callbacks registered so far fire. */
		present(now: number) {
			const cbs = callbacks;
			callbacks = [];
			for (const cb of cbs) cb(now);
		},
		get registered() {
			return callbacks.length;
		}
	};
}

/** An onFrame that stays busy until the test releases it. */
function slowFrames() {
	const seen: number[] = [];
	let active = 0;
	let maxActive = 0;
	let release: (() => void) | null = null;
	return {
		seen,
		get maxActive() {
			return maxActive;
		},
		onFrame: (now: number) =>
			new Promise<void>((resolve) => {
				seen.push(now);
				active++;
				maxActive = Math.max(maxActive, active);
				release = () => {
					active--;
					resolve();
				};
			}),
		async finish() {
			release?.();
			release = null;
			await new Promise((r) => setTimeout(r, 0));
		}
	};
}

describe('startFrameLoop', () => {
	it('hands over a frame that arrived while busy the moment the current one ends, newest only', async () => {
		const v = fakeVideo();
		const f = slowFrames();
		startFrameLoop(v.video, f.onFrame);
		v.present(0);
		expect(f.seen).toEqual([0]);
		// Two frames arrive while the first is processed: only the newer is kept.
		v.present(33);
		v.present(66);
		expect(f.seen).toEqual([0]);
		await f.finish();
		// No wait for another frame: the newest one goes straight in.
		expect(f.seen).toEqual([0, 33]);
		await f.finish();
		expect(f.seen).toEqual([0, 33]);
		v.present(100);
		expect(f.seen).toEqual([0, 33, 100]);
		expect(f.maxActive).toBe(1);
	});

	it('with maxInFlight 2, hands over the next frame while one is in, never a third', async () => {
		const v = fakeVideo();
		const seen: number[] = [];
		const done: number[] = [];
		const releases: Array<() => void> = [];
		let active = 0;
		let maxActive = 0;
		const onFrame = (now: number) =>
			new Promise<void>((resolve) => {
				seen.push(now);
				maxActive = Math.max(maxActive, ++active);
				releases.push(() => {
					active--;
					done.push(now);
					resolve();
				});
			});
		const tick = () => new Promise((r) => setTimeout(r, 0));
		startFrameLoop(v.video, onFrame, { maxInFlight: 2 });
		v.present(0);
		v.present(33); // read while frame 0 is still in
		expect(seen).toEqual([0, 33]);
		v.present(66); // two in: it waits, and no further frame is asked for meanwhile
		v.present(100);
		expect(seen).toEqual([0, 33]);
		releases.shift()!();
		await tick();
		expect(done).toEqual([0]);
		expect(seen).toEqual([0, 33, 66]);
		releases.shift()!();
		releases.shift()!();
		await tick();
		expect(done).toEqual([0, 33, 66]);
		expect(maxActive).toBe(2);
		v.present(133);
		expect(seen).toEqual([0, 33, 66, 133]);
	});

	it('waits for the next frame when none arrived while busy', async () => {
		const v = fakeVideo();
		const f = slowFrames();
		startFrameLoop(v.video, f.onFrame);
		v.present(0);
		await f.finish();
		expect(f.seen).toEqual([0]);
		expect(v.registered).toBe(1);
		v.present(40);
		expect(f.seen).toEqual([0, 40]);
	});

	it('stops: no frame runs after stop, not even one that was waiting', async () => {
		const v = fakeVideo();
		const f = slowFrames();
		const stop = startFrameLoop(v.video, f.onFrame);
		v.present(0);
		v.present(33);
		stop();
		await f.finish();
		v.present(66);
		expect(f.seen).toEqual([0]);
	});

	it('an error goes to onError, and the loop stops when it returns false', async () => {
		const v = fakeVideo();
		const errors: unknown[] = [];
		let calls = 0;
		startFrameLoop(
			v.video,
			() => {
				calls++;
				throw new Error('model failed');
			},
			{ onError: (e) => (errors.push(e), false) }
		);
		v.present(0);
		await new Promise((r) => setTimeout(r, 0));
		v.present(33);
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toBe(1);
		expect(errors).toHaveLength(1);
	});

	it('without requestVideoFrameCallback, runs only when the frame changed', async () => {
		let frameCb: ((now: number) => void) | null = null;
		const animationFrame = {
			request: (cb: (now: number) => void) => ((frameCb = cb), 1),
			cancel: () => (frameCb = null)
		};
		const video = { readyState: 4, currentTime: 0 } as HTMLVideoElement;
		const seen: number[] = [];
		startFrameLoop(video, (now) => void seen.push(now), { animationFrame });
		const paint = async (now: number) => {
			frameCb?.(now);
			await new Promise((r) => setTimeout(r, 0));
		};
		await paint(16);
		await paint(32); // same video frame: skipped
		(video as { currentTime: number }).currentTime = 0.033;
		await paint(48);
		expect(seen).toEqual([16, 48]);
	});
});
