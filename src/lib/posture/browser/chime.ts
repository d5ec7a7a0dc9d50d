/**
 * A soft two-note chime made with WebAudio (no sound file is fetched): two sine tones a fifth
 * apart with a gentle attack and a long decay, quiet (peak gain 0.12). The AudioContext is
 * created on the person's click (`unlock`), since browsers only let a page make sound after a
 * user gesture.
 */

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

export class Chime {
	#ctx: AudioContext | null = null;
	readonly #ctor: AudioContextCtor | null;

	constructor(ctor: AudioContextCtor | null = audioContextCtor()) {
		this.#ctor = ctor;
	}

	get available(): boolean {
		return this.#ctor !== null;
	}

	/** Call from a click: creates (or resumes) the audio context. */
	unlock(): void {
		if (!this.#ctor) return;
		try {
			this.#ctx ??= new this.#ctor();
			if (this.#ctx.state === 'suspended') void this.#ctx.resume();
		} catch {
			this.#ctx = null;
		}
	}

	/** Plays the chime; silently does nothing before `unlock` or where audio is unavailable. */
	play(volume = 1): void {
		const ctx = this.#ctx;
		if (!ctx) return;
		try {
			if (ctx.state === 'suspended') void ctx.resume();
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
		void this.#ctx?.close().catch(() => undefined);
		this.#ctx = null;
	}
}
