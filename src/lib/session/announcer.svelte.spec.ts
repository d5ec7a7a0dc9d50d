import { describe, expect, it } from 'vitest';
import type { CoachEvent } from '$lib/engine/types';
import { recordingSpeaker } from '$lib/speech/test-helpers';
import { Announcer } from './announcer.svelte';

const rep = (count: number): CoachEvent =>
	({ type: 'rep', t: 1, count, score: 90, durationSeconds: 1 }) as CoachEvent;
const cue = (text: string): CoachEvent =>
	({ type: 'cue', t: 1, cue: { id: 'c', text, t: 1 } }) as CoachEvent;
const setup = (message: string): CoachEvent =>
	({ type: 'setup', t: 1, issue: { id: 'two-people', message, blocking: false } }) as CoachEvent;

describe('Announcer', () => {
	it('says one line per frame: a form cue before anything, else the first hold, count or setup', () => {
		const a = new Announcer(recordingSpeaker().speaker);
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
		const { speaker, spoken } = recordingSpeaker();
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

	it('speaks one line at a time; of two waiting lines as important, the newer', () => {
		const { speaker, spoken, finish } = recordingSpeaker();
		const a = new Announcer(speaker);
		a.events([rep(1)]);
		a.events([rep(2)]);
		a.events([rep(3)]);
		expect(spoken).toEqual(['1']);
		expect(a.text).toBe('3');
		finish();
		expect(spoken).toEqual(['1', '3']);
		finish();
		a.events([rep(4)]);
		expect(spoken).toEqual(['1', '3', '4']);
	});

	it('keeps a waiting prompt from a form cue or a count, and joins prompts that meet', () => {
		const { speaker, spoken, finish } = recordingSpeaker();
		const a = new Announcer(speaker);
		a.events([rep(10)]);
		a.say('Set 1 done.');
		a.events([cue('Keep your head level.')]);
		a.events([rep(11)]);
		a.say('Set 2 of 2. Go.');
		expect(spoken).toEqual(['10']);
		finish();
		expect(spoken).toEqual(['10', 'Set 1 done. Set 2 of 2. Go.']);
	});

	it('lets a form cue push out a waiting count, but not a count a waiting cue', () => {
		const { speaker, spoken, finish } = recordingSpeaker();
		const a = new Announcer(speaker);
		a.say('Set 1 of 2. Go.');
		a.events([rep(1)]);
		a.events([cue('Lift evenly.')]);
		a.events([rep(2)]);
		finish();
		expect(spoken).toEqual(['Set 1 of 2. Go.', 'Lift evenly.']);
	});

	it('drops the waiting line when muted or cancelled', () => {
		const { speaker, spoken, finish } = recordingSpeaker();
		const a = new Announcer(speaker);
		a.say('Set 1 of 2. Go.');
		a.say('Set 1 done.');
		a.muted = true;
		a.muted = false;
		finish();
		a.say('Get ready.');
		a.say('Set 2 of 2. Go.');
		a.cancel();
		finish();
		expect(spoken).toEqual(['Set 1 of 2. Go.', 'Get ready.']);
	});

	it('puts a nudge up: the chime only with sound on, a notification only when the page is not in front', () => {
		let sound = true;
		let inFront = true;
		let chimes = 0;
		let focused = 0;
		const shown: string[] = [];
		const clicks: Array<() => void> = [];
		const a = new Announcer(null, {
			alerts: {
				chime: { play: () => void (chimes += 1) },
				notifier: {
					show: (title, body, tag, onClick) => {
						shown.push(`${tag}: ${title} / ${body}`);
						if (onClick) clicks.push(onClick);
						return true;
					}
				},
				soundOn: () => sound,
				pageInFront: () => inFront,
				focusPage: () => void (focused += 1)
			}
		});
		a.alert('Time to sit up', 'Lift your head.', 'scapula-posture');
		expect([chimes, shown.length, a.text]).toEqual([1, 0, 'Lift your head.']);
		sound = false;
		inFront = false;
		a.alert('Time for a break', 'Stand up.', 'scapula-break');
		expect([chimes, shown]).toEqual([1, ['scapula-break: Time for a break / Stand up.']]);
		clicks[0]!();
		expect(focused).toBe(1);
		// No voice in work mode: nothing to speak, and saying a line only shows it.
		a.say('Paused.');
		expect([a.available, a.text]).toEqual([false, 'Paused.']);
	});
});
