/**
 * A frame source is anything that plays into a `<video>` element the pose pipeline reads from:
 * a live camera or a local video file. Both look the same to the workout loop.
 */

export type SourceKind = 'camera' | 'file';

/** Why a source stopped on its own: the camera track ended, or a non-looping file finished. */
export type SourceEndReason = 'disconnected' | 'finished';

export interface FrameSource {
	readonly kind: SourceKind;
	/** Human label: the camera's name or the file's name. */
	readonly label: string;
	/**
	 * True for a user-facing camera: the preview is mirrored (with CSS, on the video and the
	 * overlay together) so moving your right arm moves the arm on the right of the screen. The
	 * pixels the model sees are never flipped, so keypoint left/right stay anatomical.
	 */
	readonly mirrored: boolean;
	/**
	 * Shows the source in `video`; resolves once the first frame can be read. A camera plays
	 * at once (it is live); a file waits, paused on its first frame, until {@link play}.
	 */
	attach(video: HTMLVideoElement): Promise<void>;
	/** Starts (or resumes) playback once the pipeline is ready for frames. */
	play(video: HTMLVideoElement): Promise<void>;
	/** Stops playing in `video` (the source stays open and can be attached again). */
	detach(video: HTMLVideoElement): void;
	/** Releases the camera or the file's object URL for good. Safe to call twice. */
	stop(): void;
	/** Calls `listener` once when the source ends on its own. Returns an unsubscribe function. */
	onEnded(listener: (reason: SourceEndReason) => void): () => void;
}

/** Waits until `video` has a decodable current frame (readyState ≥ HAVE_CURRENT_DATA). */
export function whenVideoReady(video: HTMLVideoElement, timeoutMs = 10_000): Promise<void> {
	if (video.readyState >= 2 && video.videoWidth > 0) return Promise.resolve();
	return new Promise((resolve, reject) => {
		const done = (fn: () => void) => {
			clearTimeout(timer);
			video.removeEventListener('loadeddata', onReady);
			video.removeEventListener('error', onError);
			fn();
		};
		const onReady = () => done(resolve);
		const onError = () =>
			done(() => reject(new Error(video.error?.message || 'The video could not be decoded.')));
		const timer = setTimeout(
			() => done(() => reject(new Error('The video did not start within 10 seconds.'))),
			timeoutMs
		);
		video.addEventListener('loadeddata', onReady);
		video.addEventListener('error', onError);
	});
}

/** Starts playback; a muted inline video may autoplay, so a rejection here is unexpected. */
export async function playVideo(video: HTMLVideoElement): Promise<void> {
	video.muted = true;
	video.playsInline = true;
	try {
		await video.play();
	} catch (e) {
		// AbortError: a newer load() replaced this one; the newer call reports its own outcome.
		if ((e as { name?: string })?.name !== 'AbortError') throw e;
	}
}

/** A tiny listener set for `onEnded`, fired at most once. */
export class EndSignal {
	#listeners = new Set<(reason: SourceEndReason) => void>();
	#fired = false;

	add(listener: (reason: SourceEndReason) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	fire(reason: SourceEndReason): void {
		if (this.#fired) return;
		this.#fired = true;
		for (const l of [...this.#listeners]) l(reason);
		this.#listeners.clear();
	}

	clear(): void {
		this.#listeners.clear();
	}
}
