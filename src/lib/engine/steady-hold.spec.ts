import { describe, expect, it } from 'vitest';
import { SteadyHold } from './steady-hold';

/** A rep signal sampled at 30 fps from `f` (seconds → metric units) over `seconds`. */
function sampled(f: (t: number) => number, seconds: number): SteadyHold {
	const s = new SteadyHold();
	s.start();
	for (let i = 0; i <= seconds * 30; i++) s.add(i / 30, f(i / 30));
	return s;
}

describe('SteadyHold', () => {
	it('times a held squeeze: in over 0.5 s, held 2 s, out over 0.5 s', () => {
		const v = (t: number) => (t < 0.5 ? -0.3 * t : t < 2.5 ? -0.15 : -0.15 + 0.3 * (t - 2.5));
		// Within 30 % of 0.15 of −0.15: the 2 s hold plus the last 0.15 s of the way in and the
		// first 0.15 s of the way out.
		const s = sampled(v, 3).longestNear(-0.15, 0.045);
		expect(s).toBeGreaterThan(2.2);
		expect(s).toBeLessThan(2.4);
	});

	it('times one pass of a circle: a roll swings through its deepest without staying', () => {
		// A 2.4 s circle, 0.06 either side of −0.09: within 0.045 of −0.15 while the cosine is
		// past 0.25, ≈ 42 % of the circle (1.0 s) each time round.
		const v = (t: number) => -0.09 - 0.06 * Math.cos((2 * Math.PI * t) / 2.4);
		const s = sampled(v, 7.2).longestNear(-0.15, 0.045);
		expect(s).toBeGreaterThan(0.9);
		expect(s).toBeLessThan(1.1);
	});

	it('credits no more than 0.25 s across a gap in the frames', () => {
		const s = new SteadyHold();
		s.start();
		s.add(0, -0.15);
		s.add(3, -0.15);
		expect(s.longestNear(-0.15, 0.01)).toBe(0.25);
	});

	it('forgets the last rep when the next one starts', () => {
		const s = sampled(() => -0.15, 2);
		s.start();
		s.add(10, -0.15);
		expect(s.longestNear(-0.15, 0.01)).toBe(0);
	});
});
