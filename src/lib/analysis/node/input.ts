/**
 * The analyser's input: a pose trace (`.json` / `.json.gz`) or a video file, read into pose
 * frames. Problems a user can fix (no such file, a damaged trace, a file that is not a video)
 * are `InputError`s with a message that says which; the command-line analyser exits with code 2
 * on them. The command-line tool and the accuracy benchmark both load through here.
 *
 * Node only.
 */
import { open, stat } from 'node:fs/promises';
import type { PoseFrame } from '../../pose/keypoints';
import type { ModelId } from '../../pose/models';
import { isGzip, TraceError } from '../../trace/pose-trace';
import { readTraceFile } from '../../trace/trace-file';
import { VideoError, type VideoInfo } from './video';
import type { VideoPoses, VideoPosesOptions } from './video-poses';

export class InputError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'InputError';
	}
}

export type InputKind = 'trace' | 'video';

export interface LoadedInput {
	kind: InputKind;
	file: string;
	frames: PoseFrame[];
	/** The estimator named in the trace, or the model run on the video. */
	model: string;
	width: number;
	height: number;
	fps: number;
	/** Seconds from the first frame to the last. */
	duration: number;
	/** For videos: decoding and model timings. */
	video?: Omit<VideoPoses, 'frames'>;
}

export interface LoadOptions {
	model?: ModelId;
	maxSize?: number;
	estimator?: VideoPosesOptions['estimator'];
	threads?: number;
	onVideoStart?: (info: VideoInfo) => void;
	onVideoFrame?: (done: number) => void;
}

/**
 * Trace or video? By name first (`.json`, `.json.gz`, `.gz`), else by content: a gzip stream or
 * JSON text (starting with `{`) is a trace, anything else goes to ffmpeg as a video.
 */
export async function detectInputKind(file: string): Promise<InputKind> {
	if (/\.json(\.gz)?$|\.gz$/i.test(file)) return 'trace';
	const fh = await open(file, 'r');
	try {
		const head = Buffer.alloc(64);
		const { bytesRead } = await fh.read(head, 0, head.length, 0);
		const bytes = head.subarray(0, bytesRead);
		if (isGzip(bytes)) return 'trace';
		return bytes.toString('utf8').trimStart().startsWith('{') ? 'trace' : 'video';
	} finally {
		await fh.close();
	}
}

/** Checks that `file` exists and is a regular file; InputError otherwise. */
export async function checkFile(file: string): Promise<void> {
	try {
		const s = await stat(file);
		if (!s.isFile()) throw new InputError(`${file} is not a file`);
	} catch (e) {
		if (e instanceof InputError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`no such file: ${file}`);
		throw new InputError(`cannot open ${file}: ${(e as Error).message}`, { cause: e });
	}
}

export async function loadInput(file: string, options: LoadOptions = {}): Promise<LoadedInput> {
	await checkFile(file);
	const kind = await detectInputKind(file);
	if (kind === 'trace') {
		try {
			const trace = await readTraceFile(file);
			const frames = trace.frames;
			return {
				kind,
				file,
				frames,
				model: trace.model,
				width: trace.width,
				height: trace.height,
				fps: trace.fps,
				duration: frames.length ? frames.at(-1)!.t - frames[0]!.t : 0
			};
		} catch (e) {
			if (e instanceof TraceError) {
				throw new InputError(`bad pose trace ${file}: ${e.message}`, { cause: e });
			}
			throw e;
		}
	}
	// Loaded only for videos: tfjs and the model code take a while to import.
	const { posesFromVideo } = await import('./video-poses');
	try {
		const v = await posesFromVideo(file, {
			model: options.model,
			maxSize: options.maxSize,
			estimator: options.estimator,
			threads: options.threads,
			onStart: options.onVideoStart,
			onFrame: options.onVideoFrame
		});
		const { frames, ...video } = v;
		return {
			kind,
			file,
			frames,
			model: v.model,
			width: v.info.width,
			height: v.info.height,
			fps: v.info.fps,
			duration: frames.length ? frames.at(-1)!.t - frames[0]!.t : 0,
			video
		};
	} catch (e) {
		if (e instanceof VideoError) {
			throw new InputError(`cannot read video ${file}: ${e.message}`, { cause: e });
		}
		throw e;
	}
}
