/**
 * Camera frames taken one at a time, when asked, from the camera's track (the browser's
 * `ImageCapture.grabFrame`), with no `<video>` element playing it meanwhile.
 *
 * A `<video>` playing a camera makes the browser hand it every frame (copy it to the page,
 * composite the picture) even when only one a second is looked at. Work mode checks 0.4–2
 * frames a second; measured in Chromium on the 2-core bench machine, a camera at 5 frames a
 * second cost 8.1 % of a core across Chromium's processes playing in a shown `<video>` and
 * 4.0 % with a frame grabbed each second instead (3.1 % with no frame taken at all: the
 * capture itself).
 *
 * Where the browser has no ImageCapture (Firefox, Safari), `frameGrabber` gives null and the
 * caller reads the `<video>` as before.
 */

import { defaultTimers, type Timers } from '$lib/timers';

/** How long a grab may wait for the camera's next frame before the camera counts as stalled, ms. */
export const GRAB_TIMEOUT_MS = 2000;

interface ImageCaptureLike {
	grabFrame(): Promise<ImageBitmap>;
}

export type ImageCaptureCtor = new (track: MediaStreamTrack) => ImageCaptureLike;

export interface FrameGrabber {
	/**
	 * The camera's next frame (the caller closes it), or null when none came within
	 * `GRAB_TIMEOUT_MS` (a frozen camera, or a browser that feeds a background tab no frames)
	 * or the track cannot give one now (muted, ended).
	 */
	grab(): Promise<ImageBitmap | null>;
}

function browserImageCapture(): ImageCaptureCtor | null {
	const g = globalThis as unknown as { ImageCapture?: ImageCaptureCtor };
	return typeof g.ImageCapture === 'function' ? g.ImageCapture : null;
}

/** A grabber for `track`, or null where the browser cannot grab frames (or there is no track). */
export function frameGrabber(
	track: MediaStreamTrack | undefined,
	options: { ctor?: ImageCaptureCtor | null; timers?: Timers; timeoutMs?: number } = {}
): FrameGrabber | null {
	const ctor = options.ctor === undefined ? browserImageCapture() : options.ctor;
	if (!ctor || !track) return null;
	let capture: ImageCaptureLike;
	try {
		capture = new ctor(track);
	} catch {
		return null;
	}
	const timers = options.timers ?? defaultTimers;
	const timeoutMs = options.timeoutMs ?? GRAB_TIMEOUT_MS;
	return {
		grab: () =>
			new Promise<ImageBitmap | null>((resolve) => {
				let done = false;
				const timer = timers.set(() => {
					done = true;
					resolve(null);
				}, timeoutMs);
				capture.grabFrame().then(
					(bitmap) => {
						// A frame that comes after the timeout is nobody's: free it.
						if (done) return bitmap.close();
						done = true;
						timers.clear(timer);
						resolve(bitmap);
					},
					() => {
						if (done) return;
						done = true;
						timers.clear(timer);
						resolve(null);
					}
				);
			})
	};
}
