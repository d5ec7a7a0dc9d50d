import { describe, expect, it } from 'vitest';
import { fmt, fmtMs, fmtPercent, fmtSeconds, fraction, MISSING } from './format';

describe('format', () => {
	it.each([NaN, Infinity, -Infinity, null, undefined])('shows a dash for %s', (v) => {
		expect(fmt(v)).toBe(MISSING);
		expect(fmtSeconds(v)).toBe(MISSING);
		expect(fmtMs(v)).toBe(MISSING);
		expect(fmtPercent(v)).toBe(MISSING);
		expect(fraction(v, 10)).toBe(0);
	});

	it('formats finite numbers', () => {
		expect(fmt(3.14159, 2)).toBe('3.14');
		expect(fmt(-0.0001, 1)).toBe('0.0');
		expect(fmtSeconds(7.9)).toBe('7 s');
		expect(fmtSeconds(65)).toBe('1:05');
		expect(fmtMs(4.26)).toBe('4.3 ms');
		expect(fmtMs(35.4)).toBe('35 ms');
		expect(fmtPercent(0.5)).toBe('50%');
		expect(fraction(5, 4)).toBe(1);
	});
});
