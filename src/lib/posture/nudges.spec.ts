/**
 * The nudge state machine on a fake clock: statuses fed at a fixed pace with explicit times,
 * so a 45-minute sitting session runs in microseconds and every boundary is exact.
 */
import { describe, expect, it } from 'vitest';
import {
	breakTaken,
	DEFAULT_NUDGE_CONFIG,
	INITIAL_NUDGE_STATE,
	pause,
	snooze,
	step,
	unsnooze,
	validateNudgeConfig,
	type NudgeConfig,
	type NudgeEvent,
	type NudgeHold,
	type NudgeState
} from './nudges';
import type { PostureStatus } from './types';

/** A fake clock driving the machine: one status per `dt` seconds, wall time from 09:00. */
class Clock {
	t = 0;
	/** Started at t = 0 (the first sample only starts the clock). */
	state: NudgeState = { ...INITIAL_NUDGE_STATE, lastT: 0 };
	events: NudgeEvent[] = [];
	held: NudgeHold[] = [];
	readonly config: NudgeConfig;
	readonly dt: number;
	readonly startWall: number;

	constructor(config: Partial<NudgeConfig> = {}, dt = 1, startWall = '2025-03-03T09:00:00') {
		this.config = { ...DEFAULT_NUDGE_CONFIG, breakMinutes: 0, ...config };
		this.dt = dt;
		this.startWall = new Date(startWall).getTime();
	}

	/** Feeds `status` for `seconds`. */
	run(status: PostureStatus, seconds: number): this {
		const end = this.t + seconds;
		while (this.t < end - 1e-9) {
			this.t += this.dt;
			const wall = new Date(this.startWall + this.t * 1000);
			const r = step(this.state, { t: this.t, wall, status }, this.config);
			this.state = r.state;
			this.events.push(...r.events);
			if (r.held) this.held.push(r.held);
		}
		return this;
	}

	posture(): NudgeEvent[] {
		return this.events.filter((e) => e.kind === 'posture');
	}
	breaks(): NudgeEvent[] {
		return this.events.filter((e) => e.kind === 'break');
	}
}

describe('posture nudges', () => {
	it('nudges once the slouch has lasted the grace period, not before', () => {
		const c = new Clock({ graceSeconds: 30 }).run('upright', 10).run('slouched', 29);
		expect(c.posture()).toEqual([]);
		c.run('slouched', 1);
		expect(c.posture()).toHaveLength(1);
		expect(c.posture()[0]).toMatchObject({ kind: 'posture', t: 40, slouchedSeconds: 30 });
	});

	it.each([5, 29.5])('never nudges for slouches shorter than the grace period (%s s)', (s) => {
		const c = new Clock({ graceSeconds: 30 }, 0.5);
		for (let i = 0; i < 40; i++) c.run('slouched', s).run('upright', 2);
		expect(c.events).toEqual([]);
	});

	it('a moment of unknown holds the slouch timer; upright starts it over', () => {
		const held = new Clock({ graceSeconds: 30 })
			.run('slouched', 20)
			.run('unknown', 5)
			.run('slouched', 10);
		expect(held.posture()).toHaveLength(1);
		expect(held.posture()[0]!.t).toBe(35);
		const reset = new Clock({ graceSeconds: 30 })
			.run('slouched', 20)
			.run('upright', 2)
			.run('slouched', 20);
		expect(reset.posture()).toEqual([]);
	});

	it.each(['away', 'not-in-position'] as const)('never nudges while %s, however long', (s) => {
		const c = new Clock({ graceSeconds: 5, breakMinutes: 1 }).run(s, 3 * 3600);
		expect(c.events).toEqual([]);
		// Leaving in the middle of a slouch starts it over.
		const mid = new Clock({ graceSeconds: 30 }).run('slouched', 20).run(s, 60).run('slouched', 20);
		expect(mid.posture()).toEqual([]);
	});

	it('repeats every repeatSeconds while the slouch goes on', () => {
		const c = new Clock({ graceSeconds: 30, repeatSeconds: 120 }).run('slouched', 30 + 2 * 120);
		expect(c.posture().map((e) => e.t)).toEqual([30, 150, 270]);
	});

	it('snooze holds every nudge until it ends, then a slouch still going is nudged', () => {
		const c = new Clock({ graceSeconds: 30 });
		c.state = snooze(c.state, 0, 600);
		c.run('slouched', 599);
		expect(c.events).toEqual([]);
		expect(c.held.at(-1)).toBe('snoozed');
		c.run('slouched', 1);
		expect(c.posture()).toHaveLength(1);
		expect(c.posture()[0]!.t).toBe(600);
		expect(c.state.snoozedUntil).toBeNull();
	});

	it('a snooze that ends while sitting upright nudges nothing; unsnooze lifts it at once', () => {
		const c = new Clock({ graceSeconds: 30 });
		c.state = snooze(c.state, 0, 100);
		c.run('slouched', 60).run('upright', 60);
		expect(c.events).toEqual([]);
		const d = new Clock({ graceSeconds: 30 });
		d.state = snooze(d.state, 0, 3600);
		d.run('slouched', 40);
		d.state = unsnooze(d.state);
		d.run('slouched', 1);
		expect(d.posture()).toHaveLength(1);
		expect(() => snooze(INITIAL_NUDGE_STATE, 0, 0)).toThrow(RangeError);
	});

	it('quiet hours hold nudges, and they come once the quiet hours end', () => {
		// Quiet from 12:00 to 13:00; the slouch starts at 11:59:45, so the grace ends in them.
		const quiet = (at: Date) => at.getHours() === 12;
		const c = new Clock({ graceSeconds: 30, quiet }, 1, '2025-03-03T11:59:45');
		c.run('slouched', 3600);
		expect(c.events).toEqual([]);
		expect(c.held).toContain('quiet');
		c.run('slouched', 60);
		// The first nudge comes at 13:00:00.
		const first = c.posture()[0]!;
		const at = new Date(c.startWall + first.t * 1000);
		expect([at.getHours(), at.getMinutes(), at.getSeconds()]).toEqual([13, 0, 0]);
	});
});

describe('break reminders', () => {
	it('reminds after breakMinutes of sitting, upright or not, then every breakRepeatMinutes', () => {
		const c = new Clock({ breakMinutes: 45, breakRepeatMinutes: 15, graceSeconds: 600 }, 5);
		c.run('upright', 20 * 60)
			.run('slouched', 5 * 60)
			.run('unknown', 19 * 60);
		expect(c.breaks()).toEqual([]);
		c.run('upright', 60);
		expect(c.breaks()).toHaveLength(1);
		expect(c.breaks()[0]).toMatchObject({ kind: 'break', sittingMinutes: 45 });
		c.run('upright', 15 * 60);
		expect(c.breaks()).toHaveLength(2);
	});

	it('time away resets the sitting time only when it lasts breakResetSeconds', () => {
		const short = new Clock({ breakMinutes: 45, breakResetSeconds: 180 }, 5)
			.run('upright', 30 * 60)
			.run('away', 120)
			.run('upright', 15 * 60);
		expect(short.breaks()).toHaveLength(1);
		const long = new Clock({ breakMinutes: 45, breakResetSeconds: 180 }, 5)
			.run('upright', 30 * 60)
			.run('not-in-position', 180)
			.run('upright', 15 * 60);
		expect(long.breaks()).toEqual([]);
		expect(long.state.sittingSeconds).toBe(15 * 60);
	});

	it('breakMinutes 0 turns reminders off; breakTaken restarts the sitting time', () => {
		expect(new Clock({ breakMinutes: 0 }, 10).run('upright', 5 * 3600).breaks()).toEqual([]);
		const c = new Clock({ breakMinutes: 45 }, 5).run('upright', 40 * 60);
		c.state = breakTaken(c.state);
		c.run('upright', 40 * 60);
		expect(c.breaks()).toEqual([]);
	});

	it('a snooze holds break reminders too', () => {
		const c = new Clock({ breakMinutes: 10 }, 5);
		c.state = snooze(c.state, 0, 15 * 60);
		c.run('upright', 15 * 60 - 5);
		expect(c.breaks()).toEqual([]);
		c.run('upright', 5);
		expect(c.breaks()).toHaveLength(1);
	});
});

describe('the clock', () => {
	it('credits at most maxStepSeconds for a late sample (the computer slept)', () => {
		const c = new Clock({ graceSeconds: 30, maxStepSeconds: 10 });
		c.run('slouched', 1);
		const r = step(c.state, { t: 3600, wall: new Date(), status: 'slouched' }, c.config);
		expect(r.state.slouchSeconds).toBe(11);
		expect(r.events).toEqual([]);
	});

	it('after a pause the next step adds no time', () => {
		const c = new Clock({ graceSeconds: 30 }).run('slouched', 20);
		c.state = pause(c.state);
		const r = step(c.state, { t: 5000, wall: new Date(), status: 'slouched' }, c.config);
		expect(r.state.slouchSeconds).toBe(20);
	});

	it('time going backwards credits nothing', () => {
		const c = new Clock().run('slouched', 20);
		const r = step(c.state, { t: 5, wall: new Date(), status: 'slouched' }, c.config);
		expect(r.state.slouchSeconds).toBe(20);
	});

	it('validates a config, naming the field', () => {
		expect(validateNudgeConfig(DEFAULT_NUDGE_CONFIG)).toBe(DEFAULT_NUDGE_CONFIG);
		expect(() => validateNudgeConfig({ ...DEFAULT_NUDGE_CONFIG, graceSeconds: 0 })).toThrow(
			/graceSeconds/
		);
		expect(() => validateNudgeConfig({ ...DEFAULT_NUDGE_CONFIG, breakMinutes: -1 })).toThrow(
			/breakMinutes/
		);
		expect(() => validateNudgeConfig({ ...DEFAULT_NUDGE_CONFIG, repeatSeconds: NaN })).toThrow(
			/repeatSeconds/
		);
	});
});
