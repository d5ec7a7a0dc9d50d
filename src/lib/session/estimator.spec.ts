import { describe, expect, it } from 'vitest';
import { DEFAULT_INFERENCE, inferenceMode } from './estimator';

describe('inferenceMode', () => {
	it('takes ?inference= when it names a mode', () => {
		expect(inferenceMode('?inference=main')).toBe('main');
		expect(inferenceMode('?stats&inference=worker')).toBe('worker');
		expect(inferenceMode('?inference=pipelined')).toBe('pipelined');
	});

	it('falls back to the default for none or an unknown one', () => {
		expect(DEFAULT_INFERENCE).toBe('pipelined');
		expect(inferenceMode('')).toBe(DEFAULT_INFERENCE);
		expect(inferenceMode('?inference=gpu')).toBe(DEFAULT_INFERENCE);
		expect(inferenceMode('?inference=')).toBe(DEFAULT_INFERENCE);
	});
});
