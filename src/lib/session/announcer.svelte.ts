/**
 * The one place that decides what a session says and puts up. Into it come the coach's events
 * of a frame (form cues, holds done, rep counts, setup messages), the lines from outside the
 * coach (set, timer and routine prompts, save problems, a switch to the processor) and work
 * mode's nudges. It owns:
 *
 * - the priority: among a frame's events a form cue wins; between lines, a prompt or a problem
 *   outranks a form cue, which outranks a count or a setup message (`LINE_PRIORITY`);
 * - the queue: one line is spoken at a time and at most one waits behind it. A waiting line
 *   gives way to one as important or more, never to a less important one, and prompts that
 *   meet in the wait are said together ("Set 1 done. Set 2 of 2. Go."), so none is lost;
 * - the words of its own lines (`words`, one table per language: text/announcements.*.ts);
 * - how a nudge reaches someone (`alert`): the chime when sound is on, a desktop notification
 *   when the page is not in front.
 *
 * The cooldowns are decided where their clock is, in pure code the analyser and the benches run
 * too: between form cues by the coach's CueSelector (session time), between nudges by the nudge
 * policy (posture/nudges.ts). Every line is mirrored as `text` for an aria-live region.
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
	/** The line being spoken, or null (absent: never busy, every line is said at once). */
	readonly speaking?: string | null;
	/** Set by the announcer: called when a line ends, to say the waiting one. */
	onIdle?: (() => void) | null;
}

/** How a nudge reaches the person besides the page's banner (work mode's chime and notifier). */
export interface AlertChannels {
	chime: { play(): void };
	notifier: { show(title: string, body: string, tag: string, onClick?: () => void): boolean };
	/** Whether the person turned the chime on (read at each nudge). */
	soundOn(): boolean;
	/** Whether the page is in front (visible and focused): then the banner is enough. */
	pageInFront(): boolean;
	/** Brings the page to the front (a notification clicked). */
	focusPage?(): void;
}

/** What a line is, for its priority. */
export type LineKind = 'event' | 'cue' | 'prompt';

/**
 * Higher wins the wait. A prompt or problem (a set starts, the history is not being saved) must
 * be heard; a form cue is useful only while current; a count or setup message is the least
 * (the screen shows the count, the setup message stays up until it is fixed).
 */
export const LINE_PRIORITY: Readonly<Record<LineKind, number>> = { event: 0, cue: 1, prompt: 2 };

export interface AnnouncerOptions {
	words?: Announcements;
	alerts?: AlertChannels;
}

/**
 * How a session gets its announcer: a page's shared one (`announcer`: a routine's player and every
 * item it runs speak through one queue, so a set prompt and a form cue never talk over each
 * other), or, absent, one of its own on `speaker` (absent too: nothing is spoken).
 */
export interface SpeechDeps {
	announcer?: Announcer;
	speaker?: Voice | null;
}

/** A session's announcer, and whether the session made it (then it stops it when disposed). */
export interface SessionSpeech {
	readonly announcer: Announcer;
	readonly owned: boolean;
}

/**
 * The announcer `deps` asks for, and whether the caller owns it. Only the owner stops it when
 * done: an item ending must not cut off a line the page's other speakers queued.
 */
export function announcerFor(deps: SpeechDeps): SessionSpeech {
	if (deps.announcer) return { announcer: deps.announcer, owned: false };
	return { announcer: new Announcer(deps.speaker ?? null), owned: true };
}

export class Announcer {
	/** The last line said or put up: mirrored in an aria-live region. */
	text = $state('');
	/** The words of the lines it makes itself, and of its callers' prompts. */
	readonly words: Announcements;

	readonly #voice: Voice | null;
	readonly #alerts: AlertChannels | null;
	/** The line waiting for the one being spoken to end. */
	#waiting: { text: string; priority: number } | null = null;

	/** `voice`: null where nothing is spoken (work mode only alerts). */
	constructor(voice: Voice | null, options: AnnouncerOptions = {}) {
		this.#voice = voice;
		this.words = options.words ?? ANNOUNCEMENTS_EN;
		this.#alerts = options.alerts ?? null;
		if (voice) voice.onIdle = () => this.#sayWaiting();
	}

	/** Whether lines can be spoken here (the browser has a speech voice). */
	get available(): boolean {
		return this.#voice?.available ?? false;
	}

	set muted(muted: boolean) {
		if (muted) this.#waiting = null;
		if (this.#voice) this.#voice.muted = muted;
	}

	/** Says a line: by default a prompt from outside the coach (set and routine prompts, problems). */
	say(text: string, kind: LineKind = 'prompt'): void {
		this.text = text;
		const voice = this.#voice;
		if (!voice || voice.muted || !text) return;
		const speaking = voice.speaking ?? null;
		if (speaking === null) {
			voice.say(text);
			return;
		}
		const waiting = this.#waiting;
		if (text === speaking || text === waiting?.text) return;
		const priority = LINE_PRIORITY[kind];
		const prompt = LINE_PRIORITY.prompt;
		if (waiting && waiting.priority >= prompt && priority >= prompt) {
			this.#waiting = { text: `${waiting.text} ${text}`, priority };
		} else if (!waiting || priority >= waiting.priority) {
			this.#waiting = { text, priority };
		}
		// Else a less important line meets a waiting prompt: only shown (`text`), not spoken.
	}

	/**
	 * One line per frame at most: a form cue wins (the person can act on it; the last one of the
	 * frame); without one, the frame's first hold done, rep count or setup message.
	 */
	events(events: readonly CoachEvent[]): void {
		const line = this.#pickLine(events);
		if (line !== null) this.say(line.text, line.kind);
	}

	/** The line `events` would say, or null. */
	pick(events: readonly CoachEvent[]): string | null {
		return this.#pickLine(events)?.text ?? null;
	}

	/**
	 * Puts up a nudge beyond the page's banner: the chime if sound is on, and a desktop
	 * notification (`tag` replaces an earlier one of its kind) while the page is not in front.
	 */
	alert(title: string, message: string, tag: string): void {
		this.text = message;
		const a = this.#alerts;
		if (!a) return;
		if (a.soundOn()) a.chime.play();
		if (!a.pageInFront()) a.notifier.show(title, message, tag, () => a.focusPage?.());
	}

	/** Forgets the shown line (a fresh start); what is being spoken finishes. */
	clear(): void {
		this.text = '';
	}

	/** Stops speaking now and drops the waiting line. */
	cancel(): void {
		this.#waiting = null;
		this.#voice?.cancel();
	}

	#pickLine(events: readonly CoachEvent[]): { text: string; kind: LineKind } | null {
		let cue: string | null = null;
		let other: string | null = null;
		for (const e of events) {
			if (e.type === 'cue') cue = e.cue.text;
			else if (other !== null) continue;
			else if (e.type === 'hold-complete')
				other = e.side ? this.words.sideDone(e.side) : this.words.holdComplete;
			else if (e.type === 'rep') other = this.words.repCount(e.count);
			else if (e.type === 'setup' && e.issue) other = e.issue.message;
		}
		if (cue !== null) return { text: cue, kind: 'cue' };
		return other === null ? null : { text: other, kind: 'event' };
	}

	#sayWaiting(): void {
		const waiting = this.#waiting;
		this.#waiting = null;
		if (waiting && this.#voice && !this.#voice.muted) this.#voice.say(waiting.text);
	}
}
