import { describe, expect, it } from 'vitest';
import { Speaker, type SynthLike, type UtteranceLike } from './speaker';

function fakeSynth() {
	const spoken: UtteranceLike[] = [];
	const synth: SynthLike = {
		speak: (u) => void spoken.push(u),
		cancel: () => void (spoken.length = 0)
	};
	const make = (text: string): UtteranceLike => ({
		text,
		rate: 1,
		lang: '',
		onend: null,
		onerror: null
	});
	const finish = (i: number) => spoken[i]?.onend?.call(null, {});
	return { synth, make, spoken, finish };
}

describe('Speaker', () => {
	it('is a no-op without a synthesizer', () => {
		const s = new Speaker({ synth: null });
		expect(s.available).toBe(false);
		expect(() => s.say('hello')).not.toThrow();
		expect(s.speaking).toBeNull();
	});

	it('speaks one line at a time: a new line cuts off the one being spoken', () => {
		const spoken: UtteranceLike[] = [];
		let cancels = 0;
		const s = new Speaker({
			synth: { speak: (u) => void spoken.push(u), cancel: () => void (cancels += 1) },
			makeUtterance: (text) => ({ text, rate: 1, lang: '', onend: null, onerror: null })
		});
		let idle = 0;
		s.onIdle = () => (idle += 1);
		s.say('one');
		s.say('two');
		expect([spoken.map((u) => u.text), cancels, s.speaking]).toEqual([['one', 'two'], 1, 'two']);
		// The cut-off line's late end (browsers fire it after cancel) does not end the new one.
		spoken[0]!.onend?.call(null, {});
		expect([s.speaking, idle]).toEqual(['two', 0]);
		spoken[1]!.onend?.call(null, {});
		expect([s.speaking, idle]).toEqual([null, 1]);
	});

	it('tells when a line fails as when it ends, and not after a cancel', () => {
		const f = fakeSynth();
		const s = new Speaker({ synth: f.synth, makeUtterance: f.make });
		let idle = 0;
		s.onIdle = () => (idle += 1);
		s.say('one');
		f.spoken[0]!.onerror?.call(null, {});
		expect([s.speaking, idle]).toEqual([null, 1]);
		s.say('two');
		const two = f.spoken[1]!;
		s.cancel();
		two.onend?.call(null, {});
		expect([s.speaking, idle]).toEqual([null, 1]);
	});

	it('does not repeat the cue being spoken', () => {
		const f = fakeSynth();
		const s = new Speaker({ synth: f.synth, makeUtterance: f.make });
		s.say('lift');
		s.say('lift');
		f.finish(0);
		expect(f.spoken).toHaveLength(1);
	});

	it('stays silent when muted', () => {
		const f = fakeSynth();
		const s = new Speaker({ synth: f.synth, makeUtterance: f.make });
		s.muted = true;
		s.say('quiet');
		expect(f.spoken).toHaveLength(0);
	});
});
