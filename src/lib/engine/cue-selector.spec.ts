import { describe, expect, it } from 'vitest';
import { CueSelector } from './cue-selector';

const A = { id: 'a', text: 'Lift your elbows.' };
const B = { id: 'b', text: 'Shoulders down.' };

describe('CueSelector', () => {
	it('gives one cue at a time, respecting the cooldown', () => {
		const c = new CueSelector({ cooldownSeconds: 3, repeatSeconds: 8, displaySeconds: 4 });
		expect(c.offer([A, B], 0)?.id).toBe('a');
		expect(c.offer([B], 1)).toBeNull();
		expect(c.offer([B], 3.1)?.id).toBe('b');
	});

	it('does not repeat the same cue within repeatSeconds, but offers the next best', () => {
		const c = new CueSelector({ cooldownSeconds: 3, repeatSeconds: 8, displaySeconds: 4 });
		c.offer([A], 0);
		expect(c.offer([A], 4)).toBeNull();
		expect(c.offer([A, B], 4)?.id).toBe('b');
		expect(c.offer([A], 8.5)?.id).toBe('a');
	});

	it('urgent cues skip the cooldown only', () => {
		const c = new CueSelector({ cooldownSeconds: 3, repeatSeconds: 8, displaySeconds: 4 });
		c.offer([A], 0);
		expect(c.offer([B], 0.5, true)?.id).toBe('b');
		expect(c.offer([A], 1, true)).toBeNull();
	});

	it('clears the displayed cue after displaySeconds', () => {
		const c = new CueSelector({ cooldownSeconds: 3, repeatSeconds: 8, displaySeconds: 4 });
		c.offer([A], 0);
		expect(c.current(3.9)?.id).toBe('a');
		expect(c.current(4.1)).toBeNull();
	});
});
