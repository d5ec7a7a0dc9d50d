import { describe, expect, it } from 'vitest';
import {
	angleBetween,
	distance,
	jointAngle,
	median,
	midOrEither,
	midpoint,
	tiltFromHorizontal,
	tiltFromVertical
} from './vec';

const DEG = 1e-9; // exact geometry: tolerance in degrees

describe('jointAngle', () => {
	it.each([
		[{ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 1 }, 90],
		[{ x: 1, y: 0 }, { x: 0, y: 0 }, { x: -1, y: 0 }, 180],
		[{ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 2, y: 0 }, 0],
		[{ x: 1, y: 1 }, { x: 0, y: 0 }, { x: 1, y: 0 }, 45]
	])('angle %o-%o-%o is %d°', (a, b, c, want) => {
		expect(jointAngle(a, b, c)).toBeCloseTo(want, 9);
	});

	it('is NaN when a point coincides with the vertex', () => {
		expect(jointAngle({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 0 })).toBeNaN();
	});

	it('is symmetric and stays within 0..180 for random points', () => {
		let seed = 7;
		const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 200 - 100;
		for (let i = 0; i < 500; i++) {
			const a = { x: rnd(), y: rnd() };
			const b = { x: rnd(), y: rnd() };
			const c = { x: rnd(), y: rnd() };
			const ang = jointAngle(a, b, c);
			expect(ang).toBeGreaterThanOrEqual(0);
			expect(ang).toBeLessThanOrEqual(180);
			expect(Math.abs(ang - jointAngle(c, b, a))).toBeLessThan(DEG);
		}
	});
});

describe('tilts (image y grows down)', () => {
	it('vertical tilt: straight up is 0, image-right is +90, down is ±180', () => {
		expect(tiltFromVertical({ x: 0, y: 10 }, { x: 0, y: 0 })).toBeCloseTo(0, 9);
		expect(tiltFromVertical({ x: 0, y: 0 }, { x: 5, y: 0 })).toBeCloseTo(90, 9);
		expect(Math.abs(tiltFromVertical({ x: 0, y: 0 }, { x: 0, y: 5 }))).toBeCloseTo(180, 9);
	});
	it('horizontal tilt is positive when the right end is higher, whichever way drawn', () => {
		expect(tiltFromHorizontal({ x: 0, y: 0 }, { x: 10, y: -10 })).toBeCloseTo(45, 9);
		expect(tiltFromHorizontal({ x: 10, y: -10 }, { x: 0, y: 0 })).toBeCloseTo(45, 9);
		expect(tiltFromHorizontal({ x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(0, 9);
	});
});

describe('small helpers', () => {
	it('distance, midpoint, angleBetween', () => {
		expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
		expect(midpoint({ x: 0, y: 2 }, { x: 4, y: 6 })).toEqual({ x: 2, y: 4 });
		expect(angleBetween({ x: 0, y: 1 }, { x: 1, y: 0 })).toBeCloseTo(90, 9);
	});
	it('median ignores non-finite values', () => {
		expect(median([3, NaN, 1, Infinity, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([NaN])).toBeNaN();
	});
});

describe('midOrEither', () => {
	it('is the midpoint of two points, the one point seen, or null', () => {
		expect(midOrEither({ x: 0, y: 0 }, { x: 4, y: 2 })).toEqual({ x: 2, y: 1 });
		expect(midOrEither(null, { x: 4, y: 2 })).toEqual({ x: 4, y: 2 });
		expect(midOrEither({ x: 1, y: 3 }, null)).toEqual({ x: 1, y: 3 });
		expect(midOrEither(null, null)).toBeNull();
	});
});
