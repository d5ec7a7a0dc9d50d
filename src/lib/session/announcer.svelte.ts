/**
 * The one place that decides what a workout says: the coach's events of a frame (form cues,
 * holds done, rep counts, setup messages) and the lines from outside the coach (set prompts,
 * save problems, a switch to the processor) all come here. It keeps the priority among a frame's
 * events, hands the winner to the Speaker (whose queue keeps at most one line waiting behind
 * the one being spoken) and mirrors it as `text` for an aria-live region. The cooldown between
 * form cues stays with the coach's CueSelector, which decides on session time.
 */
import type { CoachEvent } from '$lib/engine/types';
import { ANNOUNCEMENTS_EN, type Announcements } from '$lib/text/announcements.en';

/** What the announcer needs of a voice (speech/speaker.ts's Speaker; tests pass a fake). */
export interface Voice {
	say(text: string): void;
	cancel(): void;
	muted: boolean;
	/** Whether the browser has a speech voice (absent: unknown, taken as none). */
	readonly available?: boolean;
}

export class Announcer {
	/** The last line said: mirrored in an aria-live region. */
	text = $state('');

	readonly #speaker: Voice;
	readonly #words: Announcements;

	constructor(speaker: Voice, words: Announcements = ANNOUNCEMENTS_EN) {
		this.#speaker = speaker;
		this.#words = words;
	}

	/** Whether lines can be spoken here (the browser has a speech voice). */
	get available(): boolean {
		return this.#speaker.available ?? false;
	}

	set muted(muted: boolean) {
		this.#speaker.muted = muted;
	}

	/** Says a line from outside the coach (set and routine prompts, problems). */
	say(text: string): void {
		this.text = text;
		this.#speaker.say(text);
	}

	/**
	 * One utterance per frame at most: a form cue wins (the person can act on it; the last one
	 * of the frame); without one, the frame's first hold done, rep count or setup message.
	 */
	events(events: readonly CoachEvent[]): void {
		const text = this.pick(events);
		if (text !== null) this.say(text);
	}

	/** The line `events` would say, or null. */
	pick(events: readonly CoachEvent[]): string | null {
		let text: string | null = null;
		for (const e of events) {
			if (e.type === 'cue') text = e.cue.text;
			else if (e.type === 'hold-complete' && text === null)
				text = e.side ? this.#words.sideDone(e.side) : this.#words.holdComplete;
			else if (e.type === 'rep' && text === null) text = this.#words.repCount(e.count);
			else if (e.type === 'setup' && e.issue && text === null) text = e.issue.message;
		}
		return text;
	}

	/** Forgets the shown line (a fresh start); what is being spoken finishes. */
	clear(): void {
		this.text = '';
	}

	/** Stops speaking now and drops the waiting line. */
	cancel(): void {
		this.#speaker.cancel();
	}
}
