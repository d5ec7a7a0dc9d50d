/** The timed pacing of work mode's live session, with a timer the test fires by hand. */
import { describe, expect, it } from 'vitest';
import { TimedPacer } from './sampler';
import { handTimer } from './test-helpers';

function setup() {
	let now = 0;
	const { timer, pending, take } = handTimer();
	let wanted = true;
	let hidden = false;
	const asked: number[] = [];
	const pacer = new TimedPacer({
		timer,
		now: () => now,
		isHidden: () => hidden,
		wanted: () => wanted,
		nextDelay: () => 1000,
		onSchedule: (ms) => asked.push(ms)
	});
	let frames = 0;
	let release: (() => void) | null = null;
	const frame = () =>
		new Promise<void>((resolve) => {
			frames++;
			release = resolve;
		});
	const stop = pacer.pace({} as HTMLVideoElement, frame, { onError: () => undefined });
	return {
		pacer,
		stop,
		asked,
		frames: () => frames,
		pending,
		/** Fires the scheduled tick `lateMs` after its delay. */
		fire(lateMs = 0) {
			const p = take()!;
			now += p.delay + lateMs;
			p.cb();
		},
		finish: async () => {
			release?.();
			release = null;
			await Promise.resolve();
			await Promise.resolve();
		},
		setWanted: (w: boolean) => (wanted = w),
		setHidden: (h: boolean) => (hidden = h)
	};
}

describe('TimedPacer', () => {
	it('takes one frame at a time, the next after the paced delay; none while not wanted', async () => {
		const t = setup();
		expect(t.asked).toEqual([0]);
		t.fire();
		expect(t.frames()).toBe(1);
		// Nothing scheduled while the frame is in the model.
		expect(t.pending()).toBeNull();
		t.pacer.sampleNow();
		expect(t.pending()).toBeNull();
		await t.finish();
		expect(t.asked).toEqual([0, 1000]);
		t.setWanted(false);
		t.fire();
		expect(t.frames()).toBe(1);
		expect(t.pending()).toBeNull();
		// A calibration starts: a frame at once.
		t.setWanted(true);
		t.pacer.sampleNow();
		expect(t.asked).toEqual([0, 1000, 0]);
		t.fire();
		expect(t.frames()).toBe(2);
		await t.finish();
		t.stop();
		expect(t.pending()).toBeNull();
		t.pacer.sampleNow();
		expect(t.pending()).toBeNull();
	});

	it('says the background tab is throttled after three late ticks in a row while hidden', async () => {
		const t = setup();
		t.fire();
		await t.finish();
		t.setHidden(true);
		for (let i = 0; i < 2; i++) {
			t.fire(59_000);
			await t.finish();
		}
		expect(t.pacer.throttledEveryMs).toBeNull();
		t.fire(59_000);
		await t.finish();
		expect(t.pacer.throttledEveryMs).toBe(60_000);
		// In front again: the pace is the asked one.
		t.setHidden(false);
		t.fire();
		await t.finish();
		expect(t.pacer.throttledEveryMs).toBeNull();
	});
});
