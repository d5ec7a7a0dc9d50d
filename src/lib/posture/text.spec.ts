/**
 * The page's words for how often work mode checks (issue 14: one screen said "every 3 s",
 * "2 times a second" and "about once a second").
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING } from './sampling';
import { STATUS_LABEL, checkPaceText, samplingSummary, statusHeadline } from './text';

describe('one vocabulary for the check rate', () => {
	it('always says the seconds between checks', () => {
		expect(checkPaceText(500)).toBe('every 0.5 s');
		expect(checkPaceText(1000)).toBe('every 1 s');
		expect(checkPaceText(2500)).toBe('every 2.5 s');
		expect(checkPaceText(60_000)).toBe('every 60 s');
	});

	it('describes the sampling policy in those words, from its numbers', () => {
		const text = samplingSummary();
		for (const ms of [
			DEFAULT_SAMPLING.fastMs,
			DEFAULT_SAMPLING.normalMs,
			DEFAULT_SAMPLING.slowMs
		]) {
			expect(text).toContain(checkPaceText(ms));
		}
		expect(text).not.toMatch(/times a second|once a second/);
	});
});

describe('the headline', () => {
	it('is the status while monitoring, the phase otherwise', () => {
		expect(statusHeadline('monitoring', 'slouched')).toBe(STATUS_LABEL.slouched);
		expect(statusHeadline('monitoring', null)).toBe('Watching');
		expect(statusHeadline('paused', 'upright')).toBe('Paused');
		expect(statusHeadline('needs-calibration', null)).toBe('Calibrate to begin');
	});
});
