/**
 * One loop that hands each new video frame to `onFrame`, never two at once: a slow model drops
 * frames instead of queueing them. Uses requestVideoFrameCallback (fires once per decoded frame)
 * where the browser has it, else requestAnimationFrame with a check that the frame changed.
 *
 * The next frame is asked for as soon as one starts, not after it is done: a frame that arrives
 * while `onFrame` still works (the model awaits its results, so the page is free meanwhile) is
 * remembered, only the newest, and handed over the moment it finishes. Asking only afterwards
 * cost a wait for the next decoded frame and paint every time (`npm run bench` in Chromium
 * here: the model alone went from 16.7 to about 17–18 fps, and the whole app, whose overlay and
 * counters delayed the request further, from 13.3 to about 16 fps).
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
	/**
	 * Frames handed over before the first is done (default 1). 2 suits an estimator that reads
	 * the frame when called and answers in order (the pose worker): the page reads the next frame
	 * while the model still works on one. Frames still finish in the order they came.
	 */
	maxInFlight?: number;
	/** The animation-frame scheduler (default: the page's); for tests. */
	animationFrame?: {
		request(cb: (now: number) => void): number;
		cancel(handle: number): void;
	};
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
	const raf = options.animationFrame ?? {
		request: (cb: (now: number) => void) => requestAnimationFrame(cb),
		cancel: (h: number) => cancelAnimationFrame(h)
	};
	let stopped = false;
	let handle = 0;
	let lastTime = -1;
	const maxInFlight = Math.max(1, options.maxInFlight ?? 1);
	/** Frames handed to `onFrame` and not yet done. */
	let inFlight = 0;
	/** A frame that arrived while busy (its callback time), handed over when one ends. */
	let waiting: number | null = null;

	const deliver = (now: number) => {
		if (stopped) return;
		if (inFlight >= maxInFlight) waiting = now;
		else void run(now);
	};

	const run = async (now: number) => {
		inFlight++;
		schedule(); // the next frame may arrive while this one is processed
		try {
			await onFrame(now);
		} catch (e) {
			if (options.onError?.(e) === false) stop();
		}
		inFlight--;
		if (stopped || waiting === null) return;
		const next = waiting;
		waiting = null;
		void run(next);
	};

	const onAnimationFrame = (now: number) => {
		if (stopped) return;
		// Only a frame that is new and decodable; otherwise look again at the next paint.
		if (video.readyState >= 2 && video.currentTime !== lastTime) {
			lastTime = video.currentTime;
			deliver(now);
		} else {
			handle = raf.request(onAnimationFrame);
		}
	};

	function schedule() {
		if (stopped) return;
		if (rvfc) handle = rvfc((now) => deliver(now));
		else handle = raf.request(onAnimationFrame);
	}

	function stop() {
		stopped = true;
		waiting = null;
		if (rvfc) v.cancelVideoFrameCallback?.(handle);
		else raf.cancel(handle);
	}

	schedule();
	return stop;
}
