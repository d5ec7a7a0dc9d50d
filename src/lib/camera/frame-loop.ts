/**
 * One loop that hands each new video frame to `onFrame`, never two at once: the next frame is
 * requested only after the previous one was processed, so a slow model drops frames instead of
 * queueing them. Uses requestVideoFrameCallback (fires once per decoded frame) where the
 * browser has it, else requestAnimationFrame with a check that the frame changed.
 */

type VideoWithRvfc = HTMLVideoElement & {
	requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
	cancelVideoFrameCallback?: (handle: number) => void;
};

export interface FrameLoopOptions {
	/** Force the rAF fallback (tests, or browsers with a broken rVFC). */
	useAnimationFrame?: boolean;
	/** Called when `onFrame` throws or rejects; the loop keeps going unless it returns false. */
	onError?: (error: unknown) => boolean | void;
}

/** Starts the loop; returns a function that stops it. */
export function startFrameLoop(
	video: HTMLVideoElement,
	onFrame: (nowMs: number) => void | Promise<void>,
	options: FrameLoopOptions = {}
): () => void {
	const v = video as VideoWithRvfc;
	const rvfc =
		!options.useAnimationFrame && typeof v.requestVideoFrameCallback === 'function'
			? v.requestVideoFrameCallback.bind(v)
			: null;
	let stopped = false;
	let handle = 0;
	let lastTime = -1;

	const run = async (now: number) => {
		if (stopped) return;
		try {
			await onFrame(now);
		} catch (e) {
			if (options.onError?.(e) === false) stopped = true;
		}
		schedule();
	};

	const onAnimationFrame = (now: number) => {
		if (stopped) return;
		// Only process a frame that is new and decodable; otherwise wait for the next paint.
		if (video.readyState >= 2 && video.currentTime !== lastTime) {
			lastTime = video.currentTime;
			void run(now);
		} else {
			handle = requestAnimationFrame(onAnimationFrame);
		}
	};

	function schedule() {
		if (stopped) return;
		if (rvfc) handle = rvfc((now) => void run(now));
		else handle = requestAnimationFrame(onAnimationFrame);
	}

	schedule();
	return () => {
		stopped = true;
		if (rvfc) v.cancelVideoFrameCallback?.(handle);
		else cancelAnimationFrame(handle);
	};
}
