/**
 * A soft two-note chime made with WebAudio (no sound file is fetched): two sine tones a fifth
 * apart with a gentle attack and a long decay, quiet (peak gain 0.12). The AudioContext is
 * created on the person's click (`unlock`), since browsers only let a page make sound after a
 * user gesture.
 *
 * Between chimes the context is suspended: a running AudioContext renders silence every few ms
 * all day (in Chromium a thread pool woke about 400 times a second for it, 1.4 % of a core in
 * work mode's `npm run bench:posture`), and work mode is open for hours with the chime off by
 * default. A context started once from a click may be resumed later without one.
 */
import { defaultTimers, type Timers } from '$lib/timers';

type AudioContextCtor = new () => AudioContext;

function audioContextCtor(): AudioContextCtor | null {
	const g = globalThis as unknown as {
		AudioContext?: AudioContextCtor;
		webkitAudioContext?: AudioContextCtor;
	};
	return g.AudioContext ?? g.webkitAudioContext ?? null;
}

/** Notes (Hz) and timing (s) of the chime: A5 then E6, a calm rising fifth. */
const NOTES = [880, 1318.5] as const;
const NOTE_GAP_S = 0.18;
const ATTACK_S = 0.02;
const DECAY_S = 0.9;
const PEAK_GAIN = 0.12;
/** The chime from its call to its last note's end, s: the scheduling lead, the notes, a tail. */
const CHIME_S = 0.02 + (NOTES.length - 1) * NOTE_GAP_S + ATTACK_S + DECAY_S + 0.05;
/** How long the context stays running after a chime (or the unlock) before it is suspended, ms. */
export const SUSPEND_AFTER_MS = Math.round(CHIME_S * 1000) + 250;

export class Chime {
	#ctx: AudioContext | null = null;
	readonly #ctor: AudioContextCtor | null;
	readonly #timers: Timers;
	/** The pending suspend, or null. */
	#suspendTimer: unknown = null;

	constructor(ctor: AudioContextCtor | null = audioContextCtor(), timers: Timers = defaultTimers) {
		this.#ctor = ctor;
		this.#timers = timers;
	}

	get available(): boolean {
		return this.#ctor !== null;
	}

	/** Call from a click: creates (or resumes) the audio context. */
	unlock(): void {
		if (!this.#ctor) return;
		try {
			this.#ctx ??= new this.#ctor();
			if (this.#ctx.state === 'suspended') void this.#ctx.resume().catch(() => undefined);
			this.#suspendLater();
		} catch {
			this.#ctx = null;
		}
	}

	/** Plays the chime; silently does nothing before `unlock` or where audio is unavailable. */
	play(volume = 1): void {
		const ctx = this.#ctx;
		if (!ctx) return;
		try {
			if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
			this.#suspendLater();
			const start = ctx.currentTime + 0.02;
			NOTES.forEach((freq, i) => {
				const t = start + i * NOTE_GAP_S;
				const osc = ctx.createOscillator();
				const gain = ctx.createGain();
				osc.type = 'sine';
				osc.frequency.setValueAtTime(freq, t);
				gain.gain.setValueAtTime(0, t);
				gain.gain.linearRampToValueAtTime(
					PEAK_GAIN * Math.min(1, Math.max(0, volume)),
					t + ATTACK_S
				);
				gain.gain.exponentialRampToValueAtTime(0.0001, t + ATTACK_S + DECAY_S);
				osc.connect(gain).connect(ctx.destination);
				osc.start(t);
				osc.stop(t + ATTACK_S + DECAY_S + 0.05);
			});
		} catch {
			// Audio is a nicety; the banner and the notification carry the message.
		}
	}

	close(): void {
		this.#cancelSuspend();
		void this.#ctx?.close().catch(() => undefined);
		this.#ctx = null;
	}

	/** Suspends the context once the chime now playing (if any) has ended. */
	#suspendLater(): void {
		this.#cancelSuspend();
		this.#suspendTimer = this.#timers.set(() => {
			this.#suspendTimer = null;
			const ctx = this.#ctx;
			if (ctx && ctx.state === 'running') void ctx.suspend().catch(() => undefined);
		}, SUSPEND_AFTER_MS);
	}

	#cancelSuspend(): void {
		if (this.#suspendTimer === null) return;
		this.#timers.clear(this.#suspendTimer);
		this.#suspendTimer = null;
	}
}
