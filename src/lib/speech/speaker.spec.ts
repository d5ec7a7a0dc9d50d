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

	it('speaks one cue at a time and keeps only the newest waiting one', () => {
		const f = fakeSynth();
		const s = new Speaker({ synth: f.synth, makeUtterance: f.make });
		s.say('one');
		s.say('two');
		s.say('three');
		expect(f.spoken.map((u) => u.text)).toEqual(['one']);
		f.finish(0);
		expect(f.spoken.map((u) => u.text)).toEqual(['one', 'three']);
		f.finish(1);
		expect(s.speaking).toBeNull();
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
