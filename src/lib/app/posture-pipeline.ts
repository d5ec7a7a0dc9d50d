/**
 * Wires the real browser dependencies into a PostureMonitor: a camera at a low frame rate (its
 * checked frames grabbed one at a time where the browser can, camera/frame-grabber.ts), the
 * pose model chosen in Settings (session/estimator.ts, as the workout loads it, with the same
 * lost-GPU fallback), the worker timer, notifications, the chime, local storage and the history
 * database. The one place that knows which modules implement them.
 */
import {
	browserMediaDevices,
	CameraError,
	CameraSource,
	openCamera,
	type MediaDevicesLike
} from '$lib/camera/camera-source';
import { cameraErrorFrom } from '$lib/camera/errors';
import { frameGrabber } from '$lib/camera/frame-grabber';
import { pickPerson } from '$lib/pose/tracking';
import { addPostureTime } from '$lib/storage';
import { historyDb } from '$lib/storage/connection';
import { describeModelError, fallback, loadEstimator } from '$lib/session/estimator';
import { inQuietHours, type Settings } from '$lib/app/settings.svelte';
import { browserStorage } from '$lib/storage/local';
import { Chime } from '../posture/browser/chime';
import { PostureMonitor } from '../posture/browser/monitor.svelte';
import { Notifier } from '../posture/browser/notifier';
import { workerTimer } from '../posture/browser/sampler';

/**
 * The posture camera: 640×480 is plenty (the model looks at 192 px), and 5 frames a second
 * (at most 10) since at most 2 a second are checked: fewer frames to capture, decode and paint.
 */
export const POSTURE_CAMERA = { width: 640, height: 480, frameRate: 5, maxFrameRate: 10 } as const;

export async function openPostureCamera(
	devices: MediaDevicesLike | null = browserMediaDevices(),
	deviceId?: string
): Promise<CameraSource> {
	if (!devices) return openCamera({ deviceId, devices });
	const video: MediaTrackConstraints = {
		width: { ideal: POSTURE_CAMERA.width },
		height: { ideal: POSTURE_CAMERA.height },
		frameRate: { ideal: POSTURE_CAMERA.frameRate, max: POSTURE_CAMERA.maxFrameRate }
	};
	if (deviceId) video.deviceId = { exact: deviceId };
	else video.facingMode = 'user';
	try {
		return new CameraSource(await devices.getUserMedia({ video, audio: false }));
	} catch (e) {
		const name = (e as { name?: string })?.name;
		// A camera that cannot go that slow (or a remembered one that is gone): the usual way.
		if (name === 'OverconstrainedError' || name === 'ConstraintNotSatisfiedError') {
			return openCamera({ deviceId, devices });
		}
		throw new CameraError(cameraErrorFrom(e), { cause: e });
	}
}

/** The sentence of the GPU fallback message (session/estimator.ts) that speaks of reps. */
const REPS_KEPT = ' Your reps and holds are kept.';

export interface PosturePrefs {
	sound: boolean;
}

export function createPostureMonitor(settings: Settings, prefs: PosturePrefs): PostureMonitor {
	const devices = browserMediaDevices();
	return new PostureMonitor({
		model: settings.modelChoice,
		openCamera: () => openPostureCamera(devices, settings.cameraId || undefined),
		frameGrabber: (source) =>
			source instanceof CameraSource ? frameGrabber(source.stream.getVideoTracks()[0]) : null,
		loadEstimator: (choice, onProgress) => loadEstimator(choice, onProgress, { probe: false }),
		pickPerson: (bodies, previous) => pickPerson(bodies, previous),
		describeModelError,
		fallback: (choice, error) => {
			const switched = fallback(choice, error);
			// The workout's words: this page counts no reps.
			return switched && { ...switched, message: switched.message.replace(REPS_KEPT, '') };
		},
		timer: workerTimer(),
		notifier: new Notifier(),
		chime: new Chime(),
		storage: browserStorage(),
		saveTotals: async (item) => {
			await addPostureTime(
				await historyDb(),
				item.date,
				item.seconds,
				item.nudges,
				item.slouchedBy
			);
		},
		settings: () => ({
			sensitivity: settings.postureSensitivity,
			graceSeconds: settings.postureGraceSeconds,
			breakMinutes: settings.breakReminderMinutes,
			quiet: (at) => inQuietHours(settings.quietHours, at),
			sound: prefs.sound
		}),
		now: () => performance.now(),
		wallNow: () => Date.now(),
		isHidden: () => document.visibilityState === 'hidden',
		hasFocus: () => document.hasFocus(),
		focusPage: () => window.focus()
	});
}
