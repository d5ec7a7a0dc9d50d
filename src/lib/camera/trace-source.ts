/**
 * A recorded pose trace as a frame source: no pixels and no model, just the keypoints of each
 * frame handed to the coach at their original times, so a replay counts exactly what the
 * command-line analyser counts on the same file. It plays in real time (the skeleton moves as
 * the person did), can skip to the end, and ends with a 'finished' signal like a video file.
 *
 * Unlike a camera or a video, nothing is read from the `<video>` element: `attach` only keeps
 * the stage empty. The session pulls due frames with {@link TraceSource.run}.
 */
import type { PoseFrame } from '$lib/pose/keypoints';
import type { ParsedTrace } from '$lib/trace/pose-trace';
import { EndSignal, type FrameSource, type SourceEndReason } from './frame-source';

/**
 * Most frames handed over per tick. Skipping to the end goes this fast (about 40 ms of coach
 * work per tick at ~80 µs a frame, so the page stays responsive), and a tab that was hidden
 * (no animation frames) catches up at this rate instead of in one long stall.
 */
export const FRAMES_PER_TICK = 500;

export interface TraceSourceOptions {
	/** The file's name, for the label. */
	label?: string;
	/** Monotonic milliseconds (performance.now). */
	now?: () => number;
	/** Runs `callback` at the next display refresh; returns a cancel function. */
	requestFrame?: (callback: () => void) => () => void;
}

const animationFrame = (callback: () => void): (() => void) => {
	const handle = requestAnimationFrame(() => callback());
	return () => cancelAnimationFrame(handle);
};

export class TraceSource implements FrameSource {
	readonly kind = 'file' as const;
	/** Keypoints are drawn as measured: a recorded camera picture was never mirrored. */
	readonly mirrored = false;
	readonly label: string;
	readonly model: string;
	/** Pixel size of the frames the keypoints were measured on (the stage takes this shape). */
	readonly width: number;
	readonly height: number;
	/** The frames as the analyser feeds them to the coach (score-0 "not given" points dropped). */
	readonly frames: readonly PoseFrame[];
	/** Seconds from the first frame to the last. */
	readonly duration: number;

	#now: () => number;
	#requestFrame: (callback: () => void) => () => void;
	#next = 0;
	/** Seconds of trace played (from the first frame) when the clock last stopped. */
	#position = 0;
	#playingSince: number | null = null;
	#skipping = false;
	#ended = new EndSignal();

	constructor(trace: ParsedTrace, options: TraceSourceOptions = {}) {
		this.label = options.label || 'Pose trace';
		this.model = trace.model;
		this.width = trace.width;
		this.height = trace.height;
		this.frames = trace.frames;
		this.duration = this.frames.length ? this.frames.at(-1)!.t - this.frames[0]!.t : 0;
		this.#now = options.now ?? (() => performance.now());
		this.#requestFrame = options.requestFrame ?? animationFrame;
	}

	/** Every frame has been handed over. */
	get done(): boolean {
		return this.#next >= this.frames.length;
	}

	/** Skipping to the end (frames go as fast as the coach takes them). */
	get skipping(): boolean {
		return this.#skipping;
	}

	/** Frames handed over so far. */
	get delivered(): number {
		return this.#next;
	}

	async attach(): Promise<void> {
		// Nothing to show: the stage stays empty and the overlay draws the keypoints.
	}

	async play(): Promise<void> {
		if (this.#playingSince === null) this.#playingSince = this.#now();
	}

	detach(): void {
		this.#pauseClock();
	}

	stop(): void {
		this.#pauseClock();
		this.#ended.clear();
	}

	onEnded(listener: (reason: SourceEndReason) => void): () => void {
		return this.#ended.add(listener);
	}

	/** From the next call of {@link pull} on, hand the remaining frames over without waiting. */
	skipToEnd(): void {
		this.#skipping = true;
	}

	/** Back to the first frame, paused (after it finished, to replay it). */
	restart(): void {
		this.#pauseClock();
		this.#next = 0;
		this.#position = 0;
		this.#skipping = false;
		this.#ended = new EndSignal();
	}

	/**
	 * The frames due by `nowMs` (at most `max`): those whose time since the first frame has
	 * passed on the replay clock, or, when skipping, the next `max` frames.
	 */
	pull(nowMs: number = this.#now(), max = FRAMES_PER_TICK): PoseFrame[] {
		const first = this.frames[0];
		if (!first) return [];
		const played =
			this.#position + (this.#playingSince === null ? 0 : (nowMs - this.#playingSince) / 1000);
		const end = Math.min(this.frames.length, this.#next + max);
		let i = this.#next;
		while (i < end && (this.#skipping || this.frames[i]!.t - first.t <= played)) i++;
		const due = this.frames.slice(this.#next, i);
		this.#next = i;
		return due;
	}

	/**
	 * Plays: on every display refresh hands the due frames to `onFrames`; after the last one,
	 * signals 'finished'. Returns a function that stops it (the clock pauses with it).
	 */
	run(onFrames: (frames: readonly PoseFrame[]) => void): () => void {
		let stopped = false;
		let cancel: () => void = () => {};
		void this.play();
		const tick = () => {
			if (stopped) return;
			const due = this.pull();
			if (due.length > 0) onFrames(due);
			if (stopped) return;
			if (this.done) {
				this.#pauseClock();
				this.#skipping = false;
				this.#ended.fire('finished');
				return;
			}
			cancel = this.#requestFrame(tick);
		};
		cancel = this.#requestFrame(tick);
		return () => {
			stopped = true;
			cancel();
			this.#pauseClock();
		};
	}

	#pauseClock(): void {
		if (this.#playingSince === null) return;
		this.#position += (this.#now() - this.#playingSince) / 1000;
		this.#playingSince = null;
	}
}
