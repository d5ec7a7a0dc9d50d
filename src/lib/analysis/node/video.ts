/**
 * Video files to RGB frames in Node, with Debian's `ffprobe` and `ffmpeg` as child processes:
 * `ffprobe` gives the size, rate and duration; `ffmpeg` decodes to raw `rgb24` frames on a pipe
 * (`-f rawvideo -pix_fmt rgb24 -`), scaled down on the way when the video is larger than the
 * pose model needs (MoveNet looks at 192 or 256 px crops). Frames come out at a constant rate
 * (`-r`), so frame `i` is at `i / fps` seconds: a variable-rate phone video is resampled, which
 * repeats or drops the odd frame but keeps the time right.
 *
 * Node only.
 */
import { spawn } from 'node:child_process';

export class VideoError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'VideoError';
	}
}

export interface VideoInfo {
	/** Display size (after the rotation a phone records in the metadata). */
	width: number;
	height: number;
	/** Frames per second (average rate of the stream). */
	fps: number;
	/** Seconds; null when the container does not say. */
	duration: number | null;
	/** Expected number of decoded frames; null when unknown. */
	frames: number | null;
}

export interface DecodeOptions {
	/**
	 * Largest decoded width and height, px (default `DEFAULT_DECODE_SIZE`; the analyser passes
	 * its model's `modelFrameSide`): larger videos are scaled down, keeping their shape.
	 */
	maxSize?: number;
	/** `ffmpeg` and `ffprobe` commands (default: from PATH). */
	ffmpeg?: string;
	ffprobe?: string;
}

/**
 * Bound on the decoded frame (px, longer side) when no model says otherwise. A pose model is
 * given frames at its own `modelFrameSide` (pose/frame-reader.ts), in the app and here alike,
 * so that the analyser and `bench:real` measure what the app sees.
 */
export const DEFAULT_DECODE_SIZE = 640;

export interface VideoFrame {
	/** 0-based frame number. */
	index: number;
	/** Seconds from the start. */
	t: number;
	width: number;
	height: number;
	/** `width × height × 3` bytes, RGB, row by row. */
	data: Uint8Array;
}

/** Runs a command to completion, collecting stdout and stderr. */
function run(
	cmd: string,
	args: readonly string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (b: Buffer) => out.push(b));
		child.stderr.on('data', (b: Buffer) => err.push(b));
		child.on('error', (e) => reject(toolError(cmd, e)));
		child.on('close', (code) =>
			resolve({
				code,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8')
			})
		);
	});
}

function toolError(cmd: string, e: Error): Error {
	if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
		return new VideoError(
			`${cmd} was not found; install it (Debian: apt-get install ffmpeg) to analyse videos`,
			{ cause: e }
		);
	}
	return e;
}

/** The last meaningful line of ffmpeg's stderr, which names what went wrong. */
function lastLine(stderr: string): string {
	const lines = stderr
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	return lines.at(-1) ?? 'no details';
}

/** "30000/1001" → 29.97; null for 0/0 or junk. */
export function parseRate(rate: unknown): number | null {
	if (typeof rate !== 'string') return null;
	const [n, d = '1'] = rate.split('/');
	const v = Number(n) / Number(d);
	return Number.isFinite(v) && v > 0 ? v : null;
}

const num = (v: unknown): number | null => {
	const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN;
	return Number.isFinite(n) && n > 0 ? n : null;
};

/** Size, rate and length of the first video stream. Throws `VideoError` for unreadable files. */
export async function probeVideo(file: string, options: DecodeOptions = {}): Promise<VideoInfo> {
	const { code, stdout, stderr } = await run(options.ffprobe ?? 'ffprobe', [
		'-v',
		'error',
		'-select_streams',
		'v:0',
		'-show_entries',
		'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames,duration:stream_side_data=rotation:stream_tags=rotate:format=duration',
		'-of',
		'json',
		file
	]);
	if (code !== 0) {
		// ffprobe prefixes the file name: "clip.mp4: Invalid data found when processing input".
		const why = lastLine(stderr).replace(`${file}: `, '');
		throw new VideoError(`not a video ffmpeg can read (${why})`);
	}
	let json: {
		streams?: Array<Record<string, unknown>>;
		format?: Record<string, unknown>;
	};
	try {
		json = JSON.parse(stdout);
	} catch {
		throw new VideoError('not a video ffmpeg can read (ffprobe gave no usable answer)');
	}
	const s = json.streams?.[0];
	if (!s) throw new VideoError('it has no video stream');
	let width = num(s.width);
	let height = num(s.height);
	if (!width || !height) throw new VideoError('its video stream has no frame size');
	const side = (Array.isArray(s.side_data_list) ? s.side_data_list[0] : undefined) as
		Record<string, unknown> | undefined;
	const tags = s.tags as Record<string, unknown> | undefined;
	const rotation = Number(side?.rotation ?? tags?.rotate ?? 0);
	if (Math.abs(rotation) % 180 === 90) [width, height] = [height, width];
	const fps = parseRate(s.avg_frame_rate) ?? parseRate(s.r_frame_rate) ?? 30;
	const duration = num(s.duration) ?? num(json.format?.duration);
	const nb = num(s.nb_frames);
	const frames = nb ?? (duration !== null ? Math.max(1, Math.round(duration * fps)) : null);
	return { width, height, fps, duration, frames };
}

/** The decoded size for a video: at most `maxSize` on the longer side, even numbers. */
export function decodeSize(
	info: VideoInfo,
	maxSize = DEFAULT_DECODE_SIZE
): { w: number; h: number } {
	const k = Math.min(1, maxSize / Math.max(info.width, info.height));
	const even = (v: number) => Math.max(2, 2 * Math.round((v * k) / 2));
	return { w: even(info.width), h: even(info.height) };
}

/**
 * Decodes a video to RGB frames, one at a time: ffmpeg waits (its pipe fills) while the caller
 * works on a frame, so memory stays at a few frames however long the video. Breaking out of the
 * loop stops ffmpeg. Throws `VideoError` when ffmpeg fails.
 */
export async function* decodeVideo(
	file: string,
	info: VideoInfo,
	options: DecodeOptions = {}
): AsyncGenerator<VideoFrame> {
	const { w, h } = decodeSize(info, options.maxSize);
	const frameBytes = w * h * 3;
	const cmd = options.ffmpeg ?? 'ffmpeg';
	const child = spawn(
		cmd,
		[
			'-hide_banner',
			'-nostdin',
			'-loglevel',
			'error',
			'-i',
			file,
			'-an',
			'-sn',
			'-vf',
			`scale=${w}:${h}`,
			'-r',
			String(info.fps),
			'-f',
			'rawvideo',
			'-pix_fmt',
			'rgb24',
			'-'
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	let stderr = '';
	child.stderr.on('data', (b: Buffer) => {
		// Keep the tail only: a broken file can make ffmpeg complain on every frame.
		stderr = (stderr + b.toString('utf8')).slice(-4000);
	});
	let spawnError: Error | null = null;
	const closed = new Promise<number | null>((resolve) => {
		child.on('error', (e) => {
			spawnError = toolError(cmd, e);
			resolve(null);
		});
		child.on('close', (code) => resolve(code));
	});

	let frame = Buffer.allocUnsafe(frameBytes);
	let filled = 0;
	let index = 0;
	let finished = false;
	try {
		for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
			let pos = 0;
			while (pos < chunk.length) {
				const n = Math.min(frameBytes - filled, chunk.length - pos);
				chunk.copy(frame, filled, pos, pos + n);
				filled += n;
				pos += n;
				if (filled === frameBytes) {
					yield { index, t: index / info.fps, width: w, height: h, data: frame };
					index += 1;
					frame = Buffer.allocUnsafe(frameBytes);
					filled = 0;
				}
			}
		}
		const code = await closed;
		finished = true;
		if (spawnError) throw spawnError;
		if (code !== 0) throw new VideoError(`ffmpeg could not decode it (${lastLine(stderr)})`);
		if (index === 0) throw new VideoError('ffmpeg decoded no frames from it');
	} finally {
		if (!finished && child.exitCode === null) child.kill('SIGTERM');
	}
}
