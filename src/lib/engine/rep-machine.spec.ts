import { describe, expect, it } from 'vitest';
import { INITIAL_REP_STATE, repTransition, type RepState } from './rep-machine';
import type { RepSpec } from './types';

const UP: RepSpec = {
	metric: 'armRaiseMin',
	direction: 'up',
	enter: 135,
	exit: 105,
	minSeconds: 1
};
const DOWN: RepSpec = {
	metric: 'earShoulderGapDelta',
	direction: 'down',
	enter: -0.08,
	exit: -0.03,
	minSeconds: 1
};

/** Runs a signal sampled at 30 fps through the machine; returns the number of reps. */
function count(spec: RepSpec, signal: (t: number) => number | null, seconds: number): number {
	let state: RepState = INITIAL_REP_STATE;
	let reps = 0;
	for (let i = 0; i <= seconds * 30; i++) {
		const t = i / 30;
		const r = repTransition(spec, state, signal(t), t);
		state = r.state;
		if (r.event.kind === 'complete') reps++;
	}
	return reps;
}

/** Deterministic pseudo-noise in [-1, 1]. */
const noise = (t: number) => {
	const s = Math.sin(t * 7919.31) * 43758.5453;
	return (s - Math.floor(s)) * 2 - 1;
};

describe('repTransition', () => {
	it('counts full-range reps of a sine', () => {
		// 90° ↔ 160°, period 3 s, 5 periods: 5 reps.
		const sig = (t: number) => 125 - 35 * Math.cos((2 * Math.PI * t) / 3);
		expect(count(UP, sig, 15)).toBe(5);
	});

	it.each([135, 120, 105])('jitter of ±14° around %d° never counts a rep', (centre) => {
		expect(count(UP, (t) => centre + 14 * noise(t), 60)).toBe(0);
	});

	it('jitter spanning enter but never back past exit counts at most the one rep', () => {
		// Arms rise once, then jitter around the top for a minute: one rep only when they come down.
		const sig = (t: number) => (t < 2 ? 90 : t < 60 ? 140 + 10 * noise(t) : 90);
		expect(count(UP, sig, 62)).toBe(1);
	});

	it('needs the full range: a partial rep that stops short of enter does not count', () => {
		const sig = (t: number) => 100 + 30 * Math.max(0, Math.sin((2 * Math.PI * t) / 3)); // peaks at 130
		expect(count(UP, sig, 30)).toBe(0);
	});

	it('is not armed when starting in the active position (walking in mid-move)', () => {
		// Starts at 160 (arms up), comes down once: no rep; then one real rep.
		const sig = (t: number) => (t < 1 ? 160 : t < 3 ? 90 : t < 4.5 ? 160 : 90);
		expect(count(UP, sig, 6)).toBe(1);
	});

	it('ignores missing values without changing phase', () => {
		const sig = (t: number) => (t > 1 && t < 2 ? null : t < 2.5 ? 90 : t < 4 ? 150 : 90);
		expect(count(UP, sig, 6)).toBe(1);
	});

	it('works for falling signals (shrug: the gap shrinks)', () => {
		const sig = (t: number) => -0.055 + 0.05 * Math.cos((2 * Math.PI * t) / 2.5);
		expect(count(DOWN, sig, 10)).toBe(4);
	});

	it('ignores single outlier frames: they neither start nor end a rep', () => {
		// A rep 1–4 s; one wild frame at 2.5 s reads 100 (below exit) mid-rep, and one at 6 s
		// reads 170 while resting. One rep, not two.
		const sig = (t: number) => {
			if (Math.abs(t - 2.5) < 0.02 || Math.abs(t - 3) < 0.02) return 100;
			if (Math.abs(t - 6) < 0.02) return 170;
			return t > 1 && t < 4 ? 150 : 90;
		};
		expect(count(UP, sig, 8)).toBe(1);
	});

	it('drops sub-0.15 s glitches', () => {
		const sig = (t: number) => (t > 2 && t < 2.12 ? 170 : 90);
		expect(count(UP, sig, 4)).toBe(0);
	});

	it('reports duration and peak', () => {
		let state = { ...INITIAL_REP_STATE };
		const seq: Array<[number, number]> = [
			[0, 90],
			[0.2, 90],
			[1, 140],
			[1.2, 145],
			[1.5, 165],
			[2, 150],
			[2.5, 100],
			[2.7, 100]
		];
		let last;
		for (const [t, v] of seq) {
			const r = repTransition(UP, state, v, t);
			state = r.state;
			last = r.event;
		}
		// The rep runs from the first frame past enter (1 s) to the first frame past exit (2.5 s).
		// It spanned 165 − 90 = 75°, from the rest it started at.
		expect(last).toEqual({ kind: 'complete', durationSeconds: 1.5, peak: 165, excursion: 75 });
	});

	it('counts back-to-back reps that turn round short of exit', () => {
		// Wall angels as a real person did them: rest 105° once, then 118° between reps (above
		// exit 105), tops at 170°: 4 reps. Without the return rule only the first would end.
		const sig = (t: number) => {
			const k = t % 4;
			const low = t < 4 ? 95 : 118;
			return low + (170 - low) * Math.max(0, Math.sin((Math.PI * k) / 4));
		};
		expect(count(UP, sig, 16.5)).toBe(4);
	});

	it('reports a movement out past enter that spans less than the band as shallow', () => {
		let state: RepState = INITIAL_REP_STATE;
		const kinds: string[] = [];
		// Rest at 125° (between exit and enter), up to 140°, back to 125°: a 15° wiggle.
		for (let i = 0; i < 120; i++) {
			const t = i / 30;
			const v = t < 1 ? 125 : t < 2 ? 140 : 125;
			const r = repTransition(UP, state, v, t);
			state = r.state;
			if (r.event.kind !== 'none') kinds.push(r.event.kind);
		}
		expect(kinds).toEqual(['start', 'shallow']);
	});
});
