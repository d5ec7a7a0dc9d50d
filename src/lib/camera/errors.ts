/**
 * Camera failures as the user should read them. getUserMedia rejects with a DOMException whose
 * `name` says what went wrong; each maps to one message that says what happened and how to fix
 * it. Pure: no DOM access, so it runs in Node tests.
 */

export type CameraErrorKind =
	| 'denied'
	| 'not-found'
	| 'busy'
	| 'insecure'
	| 'unsupported'
	| 'disconnected'
	| 'aborted'
	| 'unknown';

export interface CameraProblem {
	kind: CameraErrorKind;
	/** A short headline, e.g. "Camera access is blocked". */
	title: string;
	/** What happened and what to do, in one or two sentences. */
	message: string;
	/** Whether a retry of the same camera may succeed after the user acts. */
	canRetry: boolean;
}

const PROBLEMS: Record<CameraErrorKind, Omit<CameraProblem, 'kind'>> = {
	denied: {
		title: 'Camera access is blocked',
		message:
			'This site is not allowed to use your camera. Click the camera or lock icon beside the address bar, open Site settings, set Camera to "Allow", then press "Try again". You can also open a video file instead.',
		canRetry: true
	},
	'not-found': {
		title: 'No camera found',
		message:
			'Your browser reports no camera (or none that can film at a usable size). Plug in a webcam or check that it is enabled, then press "Try again" — or open a video file of yourself instead.',
		canRetry: true
	},
	busy: {
		title: 'The camera is busy',
		message:
			'Another app or browser tab is using the camera (a video call, perhaps). Close it, then press "Try again".',
		canRetry: true
	},
	insecure: {
		title: 'The camera needs a secure page',
		message:
			'Browsers only offer the camera on https:// pages or on localhost. Open Scapula over https, or open a video file instead.',
		canRetry: false
	},
	unsupported: {
		title: 'This browser cannot use a camera',
		message:
			'This browser does not offer camera access to web pages. Try a current Chrome, Edge, Firefox or Safari, or open a video file instead.',
		canRetry: false
	},
	disconnected: {
		title: 'The camera stopped',
		message:
			'The camera was unplugged or switched off. Your reps and holds are kept: reconnect it and press "Reconnect", or open a video file.',
		canRetry: true
	},
	aborted: {
		title: 'The camera did not start',
		message: 'Starting the camera was interrupted. Press "Try again".',
		canRetry: true
	},
	unknown: {
		title: 'The camera could not start',
		message:
			'Something went wrong while starting the camera. Press "Try again", pick another camera, or open a video file instead.',
		canRetry: true
	}
};

/** The problem for a kind, with its message. */
export function cameraProblem(kind: CameraErrorKind, detail?: string): CameraProblem {
	const p = PROBLEMS[kind];
	const message = kind === 'unknown' && detail ? `${p.message} (${detail})` : p.message;
	return { kind, ...p, message };
}

/**
 * Maps whatever getUserMedia threw to a problem. Names follow the Media Capture spec; older
 * Chrome and Firefox names (PermissionDeniedError, DevicesNotFoundError, TrackStartError,
 * ConstraintNotSatisfiedError) are mapped too.
 */
export function cameraErrorFrom(error: unknown): CameraProblem {
	const name =
		typeof error === 'object' && error !== null && 'name' in error
			? String((error as { name: unknown }).name)
			: '';
	const detail =
		typeof error === 'object' && error !== null && 'message' in error
			? String((error as { message: unknown }).message)
			: typeof error === 'string'
				? error
				: undefined;
	switch (name) {
		case 'NotAllowedError':
		case 'PermissionDeniedError':
		case 'SecurityError':
			return cameraProblem('denied');
		case 'NotFoundError':
		case 'DevicesNotFoundError':
		case 'OverconstrainedError':
		case 'ConstraintNotSatisfiedError':
			return cameraProblem('not-found');
		case 'NotReadableError':
		case 'TrackStartError':
			return cameraProblem('busy');
		case 'AbortError':
			return cameraProblem('aborted');
		case 'TypeError':
			// getUserMedia throws TypeError for an empty constraint set; ours is never empty, so a
			// TypeError here means the API itself is missing or broken.
			return cameraProblem('unsupported');
		default:
			return cameraProblem('unknown', detail);
	}
}
