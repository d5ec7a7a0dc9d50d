import { describe, expect, it } from 'vitest';
import { Speaker, type SynthLike, type UtteranceLike } from './speaker';

function fakeSynth() {
	const spoken: UtteranceLike[] = [];
	const synth: SynthLike = { speak: (u) => void spoken.push(u), cancel: () => {} };
	const makeUtterance = (text: string): UtteranceLike => ({
		text,
		rate: 1,
		lang: '',
		onend: null,
		onerror: null
	});
	return { synth, makeUtterance, spoken };
}

describe('Speaker volume', () => {
	it('speaks at full volume by default and at the chosen volume after', () => {
		const f = fakeSynth();
		const speaker = new Speaker({ synth: f.synth, makeUtterance: f.makeUtterance });
		speaker.say('one');
		expect(f.spoken[0]?.volume).toBe(1);
		f.spoken[0]?.onend?.call(null, null);
		speaker.volume = 0.25;
		speaker.say('two');
		expect(f.spoken[1]?.volume).toBe(0.25);
	});

	it('takes the volume as an option, clamped to 0–1, ignoring non-numbers', () => {
		const f = fakeSynth();
		expect(new Speaker({ synth: f.synth, volume: 0.5 }).volume).toBe(0.5);
		expect(new Speaker({ synth: f.synth, volume: 3 }).volume).toBe(1);
		const s = new Speaker({ synth: f.synth, volume: -1 });
		expect(s.volume).toBe(0);
		s.volume = NaN;
		expect(s.volume).toBe(0);
	});
});
