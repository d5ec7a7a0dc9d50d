/**
 * Pose traces, version 1 (docs/pose-trace.md): the keypoints of one person over time.
 * The reader accepts MoveNet-17 and BlazePose-33 names (any set of pose-detection names), maps
 * them by name onto the canonical body, and rejects a malformed trace with an error naming the
 * first offending field and frame. It never throws anything but a TraceError.
 */
import { COCO_KEYPOINTS, type Body, type Keypoint, type PoseFrame } from '../pose/keypoints';

export interface PoseTraceV1 {
	format: 'pose-trace';
	version: 1;
	model: string;
	keypointNames: string[];
	width: number;
	height: number;
	fps: number;
	frames: Array<{ t: number; keypoints: number[][] | null }>;
}

export class TraceError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TraceError';
	}
}

export interface ParsedTrace {
	model: string;
	width: number;
	height: number;
	fps: number;
	keypointNames: readonly string[];
	frames: PoseFrame[];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed JSON value as a v1 trace and maps it to canonical frames. */
export function readTrace(json: unknown): ParsedTrace {
	if (!isObj(json)) throw new TraceError('trace: expected a JSON object');
	if (json.format !== 'pose-trace')
		throw new TraceError(
			`field "format": expected "pose-trace", got ${JSON.stringify(json.format)}`
		);
	if (json.version !== 1)
		throw new TraceError(`field "version": expected 1, got ${JSON.stringify(json.version)}`);
	if (typeof json.model !== 'string') throw new TraceError('field "model": expected a string');
	const names = json.keypointNames;
	if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string'))
		throw new TraceError('field "keypointNames": expected a non-empty array of names');
	const known = names.filter((n) => (COCO_KEYPOINTS as readonly string[]).includes(n));
	if (known.length === 0)
		throw new TraceError(
			'field "keypointNames": none of the names is a pose-detection keypoint name (e.g. "left_shoulder")'
		);
	if (new Set(names).size !== names.length)
		throw new TraceError('field "keypointNames": names must be unique');
	for (const f of ['width', 'height', 'fps'] as const) {
		if (!isNum(json[f]) || (json[f] as number) <= 0)
			throw new TraceError(`field "${f}": expected a positive number`);
	}
	if (!Array.isArray(json.frames)) throw new TraceError('field "frames": expected an array');
	const frames = readFrames(
		json.frames,
		names as string[],
		json.width as number,
		json.height as number
	);
	return {
		model: json.model,
		width: json.width as number,
		height: json.height as number,
		fps: json.fps as number,
		keypointNames: names as string[],
		frames
	};
}

/**
 * The frames, validated and mapped onto the canonical body in one tight pass. A 10-minute
 * 30 fps trace has 18 000 frames × 17 rows: a per-row `map`/`every` with closures and the
 * generic `toBody` cost ~230 ms there; plain loops over a precomputed name → slot table do the
 * same checks in a small fraction of that. The checks, their order and their messages are the
 * same (the first offending frame and row is named).
 */
function readFrames(
	raw: readonly unknown[],
	names: readonly string[],
	width: number,
	height: number
): PoseFrame[] {
	const rowCount = names.length;
	const bodySize = COCO_KEYPOINTS.length;
	// Canonical slot of each row, or -1 for names the body does not use (BlazePose extras).
	const slot = new Int8Array(rowCount);
	for (let k = 0; k < rowCount; k++) {
		const i = (COCO_KEYPOINTS as readonly string[]).indexOf(names[k]!);
		slot[k] = i;
	}
	const frames: PoseFrame[] = new Array(raw.length);
	let lastT = -Infinity;
	for (let i = 0; i < raw.length; i++) {
		const f = raw[i];
		if (!isObj(f)) throw new TraceError(`frames[${i}]: expected an object`);
		const t = f.t;
		if (!isNum(t) || t < 0) throw new TraceError(`frames[${i}].t: expected seconds ≥ 0`);
		if (t <= lastT)
			throw new TraceError(`frames[${i}].t: ${t} is not after the previous frame (${lastT})`);
		lastT = t;
		const rows = f.keypoints;
		if (rows === null) {
			frames[i] = { t, body: null };
			continue;
		}
		if (!Array.isArray(rows) || rows.length !== rowCount)
			throw new TraceError(
				`frames[${i}].keypoints: expected null or ${rowCount} rows (one per keypointNames entry)`
			);
		const keypoints: Array<Keypoint | null> = new Array(bodySize).fill(null);
		for (let k = 0; k < rowCount; k++) {
			const row: unknown = rows[k];
			if (!Array.isArray(row) || row.length < 3 || row.length > 4 || !finiteRow(row))
				throw new TraceError(
					`frames[${i}].keypoints[${k}] (${names[k]}): expected [x, y, score] or [x, y, score, z] numbers`
				);
			const score = row[2] as number;
			if (score < 0 || score > 1)
				throw new TraceError(
					`frames[${i}].keypoints[${k}] (${names[k]}): score ${score} is outside 0..1`
				);
			// Score 0 means "not seen" (writers fill missing keypoints with [0, 0, 0]).
			const s = slot[k]!;
			if (score !== 0 && s >= 0) keypoints[s] = { x: row[0] as number, y: row[1] as number, score };
		}
		frames[i] = { t, body: { keypoints, width, height } };
	}
	return frames;
}

/** Every entry (3 or 4) is a finite number. */
function finiteRow(row: readonly unknown[]): boolean {
	for (let j = 0; j < row.length; j++) if (!isNum(row[j])) return false;
	return true;
}

/**
 * True when `bytes` start with the gzip magic number (1f 8b): a trace saved as `.json.gz`,
 * whatever its file name says.
 */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parses trace text; a JSON syntax error becomes a TraceError too. */
export function parseTrace(text: string): ParsedTrace {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new TraceError(`not JSON: ${(e as Error).message}`);
	}
	return readTrace(json);
}

/** Rounds to keep traces small: 0.1 px, 0.001 score, 0.1 ms. */
const r = (v: number, d: number) => Math.round(v * d) / d;

/** Writes canonical frames as a v1 trace (17 COCO names; missing keypoints get score 0). */
export function writeTrace(
	frames: readonly PoseFrame[],
	meta: { model: string; width: number; height: number; fps: number }
): PoseTraceV1 {
	return {
		format: 'pose-trace',
		version: 1,
		model: meta.model,
		keypointNames: [...COCO_KEYPOINTS],
		width: meta.width,
		height: meta.height,
		fps: meta.fps,
		frames: frames.map((f) => ({
			t: r(f.t, 10000),
			keypoints: f.body ? rows(f.body) : null
		}))
	};
}

function rows(body: Body): number[][] {
	return body.keypoints.map((k) =>
		k && Number.isFinite(k.x) && Number.isFinite(k.y)
			? [r(k.x, 10), r(k.y, 10), r(k.score, 1000)]
			: [0, 0, 0]
	);
}
