import { describe, expect, it } from 'vitest';
import type { Timers } from '$lib/timers';
import { frameGrabber, GRAB_TIMEOUT_MS, type ImageCaptureCtor } from './frame-grabber';

/** An ImageBitmap stand-in that records being closed. */
function bitmap(name: string) {
	const b = { name, closed: false, close: () => void (b.closed = true) };
	return b as unknown as ImageBitmap & { name: string; closed: boolean };
}

/** An ImageCapture whose grabs the test settles by hand. */
function fakeCapture() {
	const grabs: Array<{ resolve: (b: ImageBitmap) => void; reject: (e: unknown) => void }> = [];
	const tracks: unknown[] = [];
	const ctor = class {
		constructor(track: MediaStreamTrack) {
			tracks.push(track);
		}
		grabFrame() {
			return new Promise<ImageBitmap>((resolve, reject) => grabs.push({ resolve, reject }));
		}
	} as unknown as ImageCaptureCtor;
	return { ctor, grabs, tracks };
}

function handTimers() {
	const due = new Map<number, () => void>();
	let next = 1;
	const timers: Timers = {
		set: (cb, ms) => {
			expect(ms).toBe(GRAB_TIMEOUT_MS);
			due.set(next, cb);
			return next++;
		},
		clear: (id) => void due.delete(id as number)
	};
	return {
		timers,
		pending: () => due.size,
		fireAll: () => [...due.values()].forEach((cb) => cb())
	};
}

const track = { kind: 'video' } as MediaStreamTrack;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('frameGrabber', () => {
	it('is null where the browser has no ImageCapture, or there is no track', () => {
		expect(frameGrabber(track, { ctor: null })).toBeNull();
		expect(frameGrabber(undefined, { ctor: fakeCapture().ctor })).toBeNull();
	});

	it('grabs the next frame of the track it was made for, and clears its timeout', async () => {
		const cap = fakeCapture();
		const clock = handTimers();
		const grabber = frameGrabber(track, { ctor: cap.ctor, timers: clock.timers })!;
		expect(cap.tracks).toEqual([track]);
		const got = grabber.grab();
		const frame = bitmap('a');
		cap.grabs[0]!.resolve(frame);
		expect(await got).toBe(frame);
		expect(frame.closed).toBe(false);
		expect(clock.pending()).toBe(0);
	});

	it('gives null when no frame comes in time, and closes the frame that comes too late', async () => {
		const cap = fakeCapture();
		const clock = handTimers();
		const grabber = frameGrabber(track, { ctor: cap.ctor, timers: clock.timers })!;
		const got = grabber.grab();
		clock.fireAll();
		expect(await got).toBeNull();
		const late = bitmap('late');
		cap.grabs[0]!.resolve(late);
		await flush();
		expect(late.closed).toBe(true);
	});

	it('gives null when the track cannot give a frame (muted or ended)', async () => {
		const cap = fakeCapture();
		const clock = handTimers();
		const grabber = frameGrabber(track, { ctor: cap.ctor, timers: clock.timers })!;
		const got = grabber.grab();
		cap.grabs[0]!.reject(new DOMException('The track is muted', 'InvalidStateError'));
		expect(await got).toBeNull();
		expect(clock.pending()).toBe(0);
	});
});
