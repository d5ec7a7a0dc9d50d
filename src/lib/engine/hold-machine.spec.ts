import { describe, expect, it } from 'vitest';
import {
	HOLD_EXIT_SECONDS,
	holdCredit,
	holdPhase,
	holdTransition,
	INITIAL_HOLD_STATE,
	POSITION_PROMPT_SECONDS,
	type HoldEvent,
	type HoldState
} from './hold-machine';
import type { HoldSpec } from './types';

/** A 10 s hold of the head tilted past 15° (neckTilt, degrees). */
const TILT: HoldSpec = {
	seconds: 10,
	count: 2,
	condition: { metric: 'neckTilt', op: '>', value: 15 },
	cue: 'Tilt your head.'
};
/** A 5 s hold per side: left is a tilt past +15°, right past −15°. */
const SIDES: HoldSpec = {
	seconds: 5,
	count: 1,
	sides: {
		left: { metric: 'neckTilt', op: '>', value: 15 },
		right: { metric: 'neckTilt', op: '<', value: -15 }
	},
	cue: 'Tilt your head to one side.'
};

const FPS = 30;

interface Run {
	state: HoldState;
	events: HoldEvent[];
	scoreResets: number;
	/** Session time (s) of the first position prompt, or null. */
	promptAt: number | null;
}

/**
 * Runs a tilt signal (degrees, by time in s) through both steps at 30 fps, as the coach does;
 * `formOk` says whether the form rules pass at each time.
 */
function run(
	spec: HoldSpec,
	tilt: (t: number) => number | null,
	seconds: number,
	formOk: (t: number) => boolean = () => true
): Run {
	let state = INITIAL_HOLD_STATE;
	const events: HoldEvent[] = [];
	let scoreResets = 0;
	let promptAt: number | null = null;
	for (let i = 0; i <= seconds * FPS; i++) {
		const t = i / FPS;
		const dt = i === 0 ? 0 : 1 / FPS;
		const step = holdTransition(spec, state, { facts: { neckTilt: tilt(t) }, t, dt });
		if (step.scoreReset) scoreResets++;
		if (step.prompt) promptAt ??= t;
		const credit = holdCredit(spec, step.state, { formOk: formOk(t), t, dt });
		state = credit.state;
		events.push(...credit.events);
	}
	return { state, events, scoreResets, promptAt };
}

const completions = (r: Run) => r.events.filter((e) => e.type === 'hold-complete');

describe('holdTransition and holdCredit', () => {
	it('times a steady hold from its first frame in position and completes it once', () => {
		// In position from t = 1 s: the 0.4 s spent making sure count too, so it completes ≈ 11 s.
		const r = run(TILT, (t) => (t >= 1 ? 25 : 0), 15);
		const done = completions(r);
		expect(done).toHaveLength(1);
		expect(done[0]!.t).toBeGreaterThanOrEqual(10.9);
		expect(done[0]!.t).toBeLessThanOrEqual(11.2);
		const seconds = r.events.filter((e) => e.type === 'hold-progress').map((e) => e.seconds);
		expect(seconds).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(r.state.holdsCompleted).toBe(1);
		// Still in position after the hold: it stays done, nothing more is credited to it.
		expect(r.state.current.done).toBe(true);
		expect(r.state.heldTotal).toBeGreaterThan(13.9);
		expect(r.state.heldTotal).toBeLessThan(14.1);
	});

	it('ignores single frames that read out of position', () => {
		// Every 15th frame (every 0.5 s) reads 0°: under HOLD_LEAVE_SECONDS, so the hold never
		// pauses. (Entering needs HOLD_ENTER_SECONDS = 0.4 s in a row, which 0.5 s gaps allow.)
		const r = run(TILT, (t) => (Math.round(t * FPS) % 15 === 0 ? 0 : 25), 12);
		const done = completions(r);
		expect(done).toHaveLength(1);
		expect(done[0]!.t).toBeGreaterThanOrEqual(9.9);
		expect(done[0]!.t).toBeLessThanOrEqual(10.2);
	});

	it('pauses over a short break, gives back the seconds it took to be sure, and resumes', () => {
		// In 0–4 s, out 4–6 s (shorter than HOLD_EXIT_SECONDS), back in from 6 s.
		const tilt = (t: number) => (t < 4 || t >= 6 ? 25 : 0);
		const r = run(TILT, tilt, 5.5);
		// The 0.5 s of making sure the person had left were not held: 4 s, not 4.5 s.
		expect(r.state.current.seconds).toBeGreaterThan(3.9);
		expect(r.state.current.seconds).toBeLessThan(4.1);
		expect(holdPhase(r.state)).toBe('rest');
		const done = completions(run(TILT, tilt, 14));
		expect(done).toHaveLength(1);
		// 4 s before the break, 6 s after it: ≈ 12 s.
		expect(done[0]!.t).toBeGreaterThanOrEqual(11.9);
		expect(done[0]!.t).toBeLessThanOrEqual(12.2);
	});

	it('ends a hold after HOLD_EXIT_SECONDS out of position, and its faults with it', () => {
		const r = run(TILT, (t) => (t < 4 ? 25 : 0), 4 + HOLD_EXIT_SECONDS + 1);
		expect(r.scoreResets).toBe(1);
		expect(r.state.current.seconds).toBe(0);
		expect(completions(r)).toHaveLength(0);
	});

	it('runs the clock only while the form rules pass', () => {
		// Form fails for 3 s in the middle: the hold completes 3 s later.
		const r = run(
			TILT,
			() => 25,
			16,
			(t) => t < 3 || t >= 6
		);
		const done = completions(r);
		expect(done).toHaveLength(1);
		expect(done[0]!.t).toBeGreaterThanOrEqual(12.9);
		expect(done[0]!.t).toBeLessThanOrEqual(13.2);
	});

	it('counts a second hold once the first is over and the person relaxed', () => {
		// Two 12 s holds with 3 s of rest between them.
		const r = run(TILT, (t) => (t < 12 || (t >= 15 && t < 27) ? 25 : 0), 30);
		expect(completions(r).map((e) => e.count)).toEqual([1, 2]);
	});

	it('gives the position prompt only after POSITION_PROMPT_SECONDS out of position', () => {
		const r = run(TILT, () => 0, 6);
		expect(r.promptAt).not.toBeNull();
		expect(r.promptAt!).toBeGreaterThan(POSITION_PROMPT_SECONDS);
		expect(r.promptAt!).toBeLessThan(POSITION_PROMPT_SECONDS + 0.1);
		expect(run(TILT, () => 25, 6).promptAt).toBeNull();
	});

	it('switches sides only when the other side lasts, then starts that side afresh', () => {
		// Left 0–3 s, one stray right frame at 1.5 s; right from 3 s on.
		const tilt = (t: number) => (Math.abs(t - 1.5) < 0.01 ? -25 : t < 3 ? 25 : -25);
		const r = run(SIDES, tilt, 3);
		expect(r.state.current.side).toBe('left');
		expect(r.state.current.seconds).toBeGreaterThan(2.9);
		const later = run(SIDES, tilt, 10);
		const done = completions(later);
		expect(done.map((e) => e.side)).toEqual(['right']);
		expect(later.scoreResets).toBe(1);
		expect(later.state.holdsBySide).toEqual({ left: 0, right: 1 });
	});

	it('serves each side in turn when both read in position at once', () => {
		// One position that passes both side conditions (a missing reading is never in position,
		// so a condition that is always true stands in for it).
		const both: HoldSpec = {
			...SIDES,
			sides: {
				left: { metric: 'neckTilt', op: '>', value: 15 },
				right: { metric: 'neckTilt', op: '>', value: 15 }
			}
		};
		// Two 6 s holds with 3 s of rest between them.
		const r = run(both, (t) => (t < 6 || (t >= 9 && t < 15) ? 25 : 0), 16);
		expect(completions(r).map((e) => e.side)).toEqual(['left', 'right']);
	});

	it('never changes the state it is given', () => {
		const before = JSON.stringify(INITIAL_HOLD_STATE);
		const step = holdTransition(TILT, INITIAL_HOLD_STATE, { facts: { neckTilt: 25 }, t: 1, dt: 0 });
		holdCredit(TILT, step.state, { formOk: true, t: 1, dt: 0.1 });
		expect(JSON.stringify(INITIAL_HOLD_STATE)).toBe(before);
	});
});
