/**
 * Spoken cues through the Web Speech API, one line at a time. The synthesizer is injectable
 * (tests pass a fake); where the browser has none, every method is a harmless no-op.
 *
 * No queue here: what waits behind the line being spoken, and which line wins, is the
 * announcer's decision (session/announcer.svelte.ts), told when a line ends by `onIdle`. A line
 * said while another is spoken cuts it off; the same line is not started twice.
 */

export interface UtteranceLike {
	text: string;
	rate: number;
	lang: string;
	/** 0–1; absent on fakes that do not care. */
	volume?: number;
	onend: ((this: unknown, ev: unknown) => unknown) | null;
	onerror: ((this: unknown, ev: unknown) => unknown) | null;
}

export interface SynthLike {
	speak(utterance: UtteranceLike): void;
	cancel(): void;
}

export interface SpeakerOptions {
	synth?: SynthLike | null;
	makeUtterance?: (text: string) => UtteranceLike;
	/** Speech rate; slightly slower than default reads calmer during effort. */
	rate?: number;
	lang?: string;
	/** Speech volume, 0–1 (default 1, the system's full volume). */
	volume?: number;
}

function browserSynth(): SynthLike | null {
	if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
	if (typeof SpeechSynthesisUtterance === 'undefined') return null;
	return window.speechSynthesis as unknown as SynthLike;
}

function browserUtterance(text: string): UtteranceLike {
	return new SpeechSynthesisUtterance(text) as unknown as UtteranceLike;
}

export class Speaker {
	readonly available: boolean;
	#synth: SynthLike | null;
	#make: (text: string) => UtteranceLike;
	#rate: number;
	#lang: string;
	#speaking: string | null = null;
	/** The utterance being spoken: a cancelled one's late `onend` must not end the next. */
	#current: UtteranceLike | null = null;
	#muted = false;
	#volume = 1;

	/** Called when a line ends or fails (not when cancelled): the announcer says the next one. */
	onIdle: (() => void) | null = null;

	constructor(options: SpeakerOptions = {}) {
		this.#synth = options.synth === undefined ? browserSynth() : options.synth;
		this.#make = options.makeUtterance ?? browserUtterance;
		this.#rate = options.rate ?? 0.95;
		this.#lang = options.lang ?? 'en-US';
		this.available = this.#synth !== null;
		if (options.volume !== undefined) this.volume = options.volume;
	}

	/** Speech volume, 0–1; applies from the next utterance. Non-numbers are ignored. */
	get volume(): number {
		return this.#volume;
	}

	set volume(value: number) {
		if (Number.isFinite(value)) this.#volume = Math.min(1, Math.max(0, value));
	}

	get muted(): boolean {
		return this.#muted;
	}

	set muted(value: boolean) {
		this.#muted = value;
		if (value) this.cancel();
	}

	/** The text being spoken now, or null. */
	get speaking(): string | null {
		return this.#speaking;
	}

	/** Speaks `text` now, cutting off the line being spoken unless it is the same. */
	say(text: string): void {
		if (!this.#synth || this.#muted || !text) return;
		if (text === this.#speaking) return;
		if (this.#speaking !== null) this.cancel();
		this.#start(text);
	}

	cancel(): void {
		this.#speaking = null;
		this.#current = null;
		try {
			this.#synth?.cancel();
		} catch {
			// A broken synthesizer must never break the workout.
		}
	}

	#start(text: string): void {
		const synth = this.#synth;
		if (!synth) return;
		const u = this.#make(text);
		u.rate = this.#rate;
		u.lang = this.#lang;
		u.volume = this.#volume;
		const ended = () => {
			if (this.#current !== u) return;
			this.#current = null;
			this.#speaking = null;
			this.onIdle?.();
		};
		u.onend = ended;
		u.onerror = ended;
		this.#speaking = text;
		this.#current = u;
		try {
			synth.speak(u);
		} catch {
			this.#speaking = null;
			this.#current = null;
		}
	}
}
