/** Test helpers: a real Speaker on a fake synthesizer. */
import { Speaker, type UtteranceLike } from './speaker';

/**
 * A Speaker whose synthesizer records what it was asked to speak (`spoken`); `finish()` ends the
 * line being spoken, as the browser does once it has said it.
 */
export function recordingSpeaker() {
	const spoken: string[] = [];
	const utterances: UtteranceLike[] = [];
	const speaker = new Speaker({
		synth: {
			speak: (u) => {
				spoken.push(u.text);
				utterances.push(u);
			},
			cancel: () => undefined
		},
		makeUtterance: (text) => ({ text, rate: 1, lang: 'en', onend: null, onerror: null })
	});
	const finish = () => utterances.at(-1)?.onend?.call(null, {});
	return { speaker, spoken, finish };
}
