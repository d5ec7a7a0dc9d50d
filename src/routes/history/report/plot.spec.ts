import { describe, expect, it } from 'vitest';
import { niceTicks, scale } from './plot';

describe('niceTicks', () => {
	it('covers the range with round steps', () => {
		expect(niceTicks(136, 160)).toEqual([130, 140, 150, 160]);
		expect(niceTicks(0, 10)).toEqual([0, 5, 10]);
		expect(niceTicks(0, 37)).toEqual([0, 10, 20, 30, 40]);
	});

	it('gives a usable axis for a single value and nothing for no number', () => {
		expect(niceTicks(20, 20).length).toBeGreaterThanOrEqual(2);
		expect(niceTicks(NaN, 5)).toEqual([]);
	});
});

describe('scale', () => {
	it('maps the domain onto the range, flipped for SVG y', () => {
		const y = scale(0, 100, 200, 0);
		expect(y(0)).toBe(200);
		expect(y(50)).toBe(100);
		expect(scale(3, 3, 0, 10)(3)).toBe(0);
	});
});
