import { describe, expect, it } from 'vitest';
import type { Timers } from '$lib/timers';
import { Chime, SUSPEND_AFTER_MS } from './chime';

/** An AudioContext that records its state changes and the oscillators started. */
class FakeAudioContext {
	static made: FakeAudioContext[] = [];
	state: AudioContextState = 'running';
	currentTime = 0;
	destination = {};
	calls: string[] = [];
	oscillators = 0;
	constructor() {
		FakeAudioContext.made.push(this);
	}
	resume() {
		this.calls.push('resume');
		this.state = 'running';
		return Promise.resolve();
	}
	suspend() {
		this.calls.push('suspend');
		this.state = 'suspended';
		return Promise.resolve();
	}
	close() {
		this.calls.push('close');
		this.state = 'closed';
		return Promise.resolve();
	}
	createOscillator() {
		this.oscillators++;
		const param = { setValueAtTime() {} };
		return {
			type: 'sine',
			frequency: param,
			connect: (node: unknown) => node,
			start() {},
			stop() {}
		};
	}
	createGain() {
		const gain = {
			setValueAtTime() {},
			linearRampToValueAtTime() {},
			exponentialRampToValueAtTime() {}
		};
		return { gain, connect: (node: unknown) => node };
	}
}

/** Timers the test runs by hand: `advance(ms)` fires what is due. */
function handTimers() {
	let now = 0;
	let next = 1;
	const due = new Map<number, { at: number; cb: () => void }>();
	const timers: Timers = {
		set: (cb, ms) => {
			const id = next++;
			due.set(id, { at: now + ms, cb });
			return id;
		},
		clear: (id) => void due.delete(id as number)
	};
	return {
		timers,
		pending: () => due.size,
		advance(ms: number) {
			now += ms;
			for (const [id, t] of [...due]) {
				if (t.at <= now) {
					due.delete(id);
					t.cb();
				}
			}
		}
	};
}

function setup() {
	FakeAudioContext.made = [];
	const clock = handTimers();
	const chime = new Chime(FakeAudioContext as unknown as new () => AudioContext, clock.timers);
	return { chime, clock, ctx: () => FakeAudioContext.made[0]! };
}

describe('Chime', () => {
	it('suspends its audio context once the unlock has passed, so silence is not rendered all day', () => {
		const { chime, clock, ctx } = setup();
		chime.unlock();
		expect(ctx().state).toBe('running');
		clock.advance(SUSPEND_AFTER_MS - 1);
		expect(ctx().state).toBe('running');
		clock.advance(1);
		expect(ctx().state).toBe('suspended');
		expect(clock.pending()).toBe(0);
	});

	it('resumes to play, plays both notes, and suspends only after the chime has ended', () => {
		const { chime, clock, ctx } = setup();
		chime.unlock();
		clock.advance(SUSPEND_AFTER_MS);
		chime.play();
		expect(ctx().state).toBe('running');
		expect(ctx().oscillators).toBe(2);
		// The notes last 0.02 + 0.18 + 0.02 + 0.9 + 0.05 s: still running until then.
		expect(SUSPEND_AFTER_MS).toBeGreaterThanOrEqual(1170);
		expect(SUSPEND_AFTER_MS).toBeLessThanOrEqual(2000);
		clock.advance(1170);
		expect(ctx().state).toBe('running');
		clock.advance(SUSPEND_AFTER_MS);
		expect(ctx().state).toBe('suspended');
		expect(ctx().calls).toEqual(['suspend', 'resume', 'suspend']);
	});

	it('a second chime before the first is over keeps the context running to its own end', () => {
		const { chime, clock, ctx } = setup();
		chime.unlock();
		chime.play();
		clock.advance(SUSPEND_AFTER_MS - 100);
		chime.play();
		clock.advance(SUSPEND_AFTER_MS - 100);
		expect(ctx().state).toBe('running');
		clock.advance(100);
		expect(ctx().state).toBe('suspended');
		expect(ctx().calls.filter((c) => c === 'suspend')).toHaveLength(1);
	});

	it('close cancels a pending suspend and closes the context', () => {
		const { chime, clock, ctx } = setup();
		chime.unlock();
		chime.close();
		expect(clock.pending()).toBe(0);
		expect(ctx().calls).toEqual(['close']);
		chime.play();
		expect(ctx().oscillators).toBe(0);
	});

	it('without WebAudio it does nothing and schedules nothing', () => {
		const clock = handTimers();
		const chime = new Chime(null, clock.timers);
		chime.unlock();
		chime.play();
		expect(chime.available).toBe(false);
		expect(clock.pending()).toBe(0);
	});
});
