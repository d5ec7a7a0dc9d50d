import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING, nextSampleDelay, type SamplingInput } from './sampling';

const base: SamplingInput = {
	calibrating: false,
	status: 'upright',
	pending: false,
	severity: 0.2,
	stableSeconds: 5
};
const { fastMs, normalMs, slowMs } = DEFAULT_SAMPLING;

describe('adaptive sampling', () => {
	it.each<[string, Partial<SamplingInput>, number]>([
		['calibrating', { calibrating: true }, fastMs],
		['a change under way', { pending: true, stableSeconds: 600 }, fastMs],
		['before the first frame', { status: null }, fastMs],
		['upright for a short while', {}, normalMs],
		['upright and steady for a while', { stableSeconds: 20 }, slowMs],
		['upright, steady, but close to a limit', { stableSeconds: 600, severity: 0.8 }, normalMs],
		['slouched (watching for sitting up)', { status: 'slouched', stableSeconds: 600 }, normalMs],
		['just left', { status: 'away', stableSeconds: 1 }, normalMs],
		['away for a while', { status: 'away', stableSeconds: 30 }, slowMs],
		['stood up for a while', { status: 'not-in-position', stableSeconds: 30 }, slowMs]
	])('%s', (_, patch, expected) => {
		expect(nextSampleDelay({ ...base, ...patch })).toBe(expected);
	});

	it('stays within 0.4–2 frames a second whatever happens', () => {
		for (const status of [
			null,
			'upright',
			'slouched',
			'away',
			'unknown',
			'not-in-position'
		] as const)
			for (const pending of [true, false])
				for (const stableSeconds of [0, 10, 1000]) {
					const d = nextSampleDelay({ ...base, status, pending, stableSeconds });
					expect(d).toBeGreaterThanOrEqual(500);
					expect(d).toBeLessThanOrEqual(2500);
				}
	});
});
