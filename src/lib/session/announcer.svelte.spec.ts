import { describe, expect, it } from 'vitest';
import type { CoachEvent } from '$lib/engine/types';
import { Speaker } from '$lib/speech/speaker';
import { Announcer } from './announcer.svelte';

/** A real Speaker on a fake synthesizer that records what it was asked to speak. */
function voice() {
	const spoken: string[] = [];
	const speaker = new Speaker({
		synth: { speak: (u) => spoken.push(u.text), cancel: () => undefined },
		makeUtterance: (text) => ({ text, rate: 1, lang: 'en', onend: null, onerror: null })
	});
	return { speaker, spoken };
}

const rep = (count: number): CoachEvent =>
	({ type: 'rep', t: 1, count, score: 90, durationSeconds: 1 }) as CoachEvent;
const cue = (text: string): CoachEvent =>
	({ type: 'cue', t: 1, cue: { id: 'c', text, t: 1 } }) as CoachEvent;
const setup = (message: string): CoachEvent =>
	({ type: 'setup', t: 1, issue: { id: 'two-people', message, blocking: false } }) as CoachEvent;

describe('Announcer', () => {
	it('says one line per frame: a form cue before anything, else the first hold, count or setup', () => {
		const a = new Announcer(voice().speaker);
		expect(a.pick([rep(3), cue('Keep your head level.')])).toBe('Keep your head level.');
		expect(a.pick([rep(4), setup('Step back.')])).toBe('4');
		expect(a.pick([setup('Step back.'), rep(4), cue('Lift evenly.')])).toBe('Lift evenly.');
		expect(a.pick([setup('Step back.')])).toBe('Step back.');
		expect(a.pick([{ type: 'hold-complete', t: 1, side: 'left' } as CoachEvent, rep(2)])).toBe(
			'Left side done.'
		);
		expect(a.pick([])).toBeNull();
	});

	it('speaks the line and mirrors it for screen readers; muted, it shows but does not speak', () => {
		const { speaker, spoken } = voice();
		const a = new Announcer(speaker);
		a.events([rep(1)]);
		expect([a.text, spoken]).toEqual(['1', ['1']]);
		a.muted = true;
		a.say('Set 1 done.');
		expect(a.text).toBe('Set 1 done.');
		expect(spoken).toEqual(['1']);
		a.clear();
		expect(a.text).toBe('');
	});
});
