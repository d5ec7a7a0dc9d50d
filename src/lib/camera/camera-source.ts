/**
 * The live camera as a frame source: getUserMedia with a capped resolution, a device picker
 * from enumerateDevices, and the track's `ended` event reported as a disconnect.
 * `navigator.mediaDevices` is injectable so the logic can be tested without a browser.
 */
import { cameraErrorFrom, cameraProblem, type CameraProblem } from './errors';
import { EndSignal, playVideo, whenVideoReady, type FrameSource } from './frame-source';

/**
 * 640×480 is plenty: every model we run resizes its input to 192–256 px, so more pixels only
 * cost decode and copy time. The max keeps a 4K webcam from handing us 8 MP frames.
 */
export const CAMERA_IDEAL = { width: 640, height: 480 } as const;
export const CAMERA_MAX = { width: 1280, height: 720 } as const;
/** Movements are slow; 30 fps is more than the model keeps up with on most laptops. */
export const CAMERA_MAX_FPS = 30;

export type MediaDevicesLike = Pick<
	MediaDevices,
	'getUserMedia' | 'enumerateDevices' | 'addEventListener' | 'removeEventListener'
>;

/** The browser's media devices, or null where there are none (old browser, insecure page). */
export function browserMediaDevices(): MediaDevicesLike | null {
	if (typeof navigator === 'undefined') return null;
	return navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === 'function'
		? navigator.mediaDevices
		: null;
}

export class CameraError extends Error {
	readonly problem: CameraProblem;
	constructor(problem: CameraProblem, options?: { cause?: unknown }) {
		super(problem.message, options);
		this.name = 'CameraError';
		this.problem = problem;
	}
}

export interface CameraInfo {
	deviceId: string;
	label: string;
}

/** Video inputs. Labels are empty until the user has allowed the camera once: we number them. */
export async function listCameras(devices: MediaDevicesLike | null): Promise<CameraInfo[]> {
	if (!devices) return [];
	try {
		const all = await devices.enumerateDevices();
		return all
			.filter((d) => d.kind === 'videoinput')
			.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
	} catch {
		return [];
	}
}

/** Constraints for one attempt; `strict` adds the caps, which a few cameras reject. */
export function cameraConstraints(
	deviceId: string | undefined,
	strict: boolean
): MediaStreamConstraints {
	const video: MediaTrackConstraints = {
		width: strict
			? { ideal: CAMERA_IDEAL.width, max: CAMERA_MAX.width }
			: { ideal: CAMERA_IDEAL.width },
		height: strict
			? { ideal: CAMERA_IDEAL.height, max: CAMERA_MAX.height }
			: { ideal: CAMERA_IDEAL.height },
		frameRate: strict ? { ideal: CAMERA_MAX_FPS, max: CAMERA_MAX_FPS } : { ideal: CAMERA_MAX_FPS }
	};
	if (deviceId) video.deviceId = { exact: deviceId };
	else video.facingMode = 'user';
	return { video, audio: false };
}

function isSecure(): boolean {
	return typeof window === 'undefined' || window.isSecureContext !== false;
}

/**
 * Opens a camera. Tries the capped constraints first; on OverconstrainedError (a camera that
 * cannot go that small, or a remembered device that is gone) retries without caps and without
 * the device id. Throws a {@link CameraError} with a user-facing message.
 */
export async function openCamera(
	options: { deviceId?: string; devices?: MediaDevicesLike | null } = {}
): Promise<CameraSource> {
	const devices = options.devices === undefined ? browserMediaDevices() : options.devices;
	if (!devices) throw new CameraError(cameraProblem(isSecure() ? 'unsupported' : 'insecure'));
	const attempts: Array<[string | undefined, boolean]> = [
		[options.deviceId, true],
		[options.deviceId, false]
	];
	if (options.deviceId) attempts.push([undefined, false]);
	let lastError: unknown = null;
	for (const [deviceId, strict] of attempts) {
		try {
			const stream = await devices.getUserMedia(cameraConstraints(deviceId, strict));
			return new CameraSource(stream);
		} catch (e) {
			lastError = e;
			const name = (e as { name?: string })?.name;
			if (name !== 'OverconstrainedError' && name !== 'ConstraintNotSatisfiedError') break;
		}
	}
	throw new CameraError(cameraErrorFrom(lastError), { cause: lastError });
}

export class CameraSource implements FrameSource {
	readonly kind = 'camera' as const;
	readonly mirrored: boolean;
	readonly label: string;
	readonly deviceId: string | undefined;
	#stream: MediaStream;
	#ended = new EndSignal();
	#stopped = false;

	constructor(stream: MediaStream) {
		this.#stream = stream;
		const track = stream.getVideoTracks()[0];
		const settings = track?.getSettings?.() ?? {};
		this.label = track?.label || 'Camera';
		this.deviceId = settings.deviceId;
		// Rear cameras ('environment') show the scene as it is; anything else faces the user.
		this.mirrored = settings.facingMode !== 'environment';
		for (const t of stream.getVideoTracks()) {
			t.addEventListener('ended', () => {
				if (!this.#stopped) this.#ended.fire('disconnected');
			});
		}
	}

	get stream(): MediaStream {
		return this.#stream;
	}

	async attach(video: HTMLVideoElement): Promise<void> {
		if (video.srcObject !== this.#stream) video.srcObject = this.#stream;
		const ready = whenVideoReady(video);
		await playVideo(video);
		await ready;
	}

	async play(video: HTMLVideoElement): Promise<void> {
		if (video.paused) await playVideo(video);
	}

	detach(video: HTMLVideoElement): void {
		if (video.srcObject === this.#stream) {
			video.pause();
			video.srcObject = null;
		}
	}

	stop(): void {
		if (this.#stopped) return;
		this.#stopped = true;
		for (const t of this.#stream.getTracks()) t.stop();
		this.#ended.clear();
	}

	onEnded(listener: (reason: 'disconnected' | 'finished') => void): () => void {
		return this.#ended.add(listener);
	}
}
