import { describe, expect, it } from 'vitest';
import { creditedStep, MAX_STEP_SECONDS } from './time-step';

describe('creditedStep', () => {
	it('credits the time between frames, up to the cap', () => {
		expect(creditedStep(null, 5)).toBe(0);
		expect(creditedStep(1, 1.1)).toBeCloseTo(0.1, 10);
		expect(creditedStep(1, 4)).toBe(MAX_STEP_SECONDS);
		// Time going back (a reset, a seek) credits nothing.
		expect(creditedStep(4, 1)).toBe(0);
	});
});
