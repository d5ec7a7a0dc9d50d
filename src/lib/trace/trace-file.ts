/**
 * Pose-trace files in Node: `.json` or gzip-compressed `.json.gz` (docs: pose-trace format).
 * Reading looks at the bytes, not the name: a gzip stream starts with 1F 8B, so a compressed file
 * named `.json` (or plain JSON named `.gz`) still reads. Everything wrong with the content is a
 * `TraceError`; a missing or unreadable file is Node's own error (ENOENT, EACCES…).
 *
 * Node only (node:fs, node:zlib): never import this from browser code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { isGzip, parseTrace, TraceError, type ParsedTrace, type PoseTraceV1 } from './pose-trace';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);
const GUNZIP_CHUNK_BYTES = 4 << 20;

/** Whether a path names a compressed trace (written gzip-compressed). */
export function isGzipPath(file: string): boolean {
	return /\.gz$/i.test(file);
}

/** The trace's JSON text, decompressed when the bytes are gzip. */
export async function readTraceText(file: string): Promise<string> {
	const bytes = await readFile(file);
	if (!isGzip(bytes)) return bytes.toString('utf8');
	try {
		// Large output chunks: the default 16 KiB makes a thread-pool round trip per chunk, which
		// took ~60 ms instead of ~20 ms for a 10-minute trace (7 MB of JSON).
		return (await gunzipAsync(bytes, { chunkSize: GUNZIP_CHUNK_BYTES })).toString('utf8');
	} catch (e) {
		throw new TraceError(`not a valid gzip file: ${(e as Error).message}`);
	}
}

/** Reads, decompresses if needed, and validates a trace file (see `parseTrace`). */
export async function readTraceFile(file: string): Promise<ParsedTrace> {
	return parseTrace(await readTraceText(file));
}

/**
 * Writes a trace as JSON, gzip-compressed when the path ends in `.gz`. Compact JSON: a
 * 10-minute trace at 30 fps is ~6 MB as text and ~1.5 MB compressed.
 */
export async function writeTraceFile(file: string, trace: PoseTraceV1): Promise<void> {
	const text = JSON.stringify(trace);
	const data = isGzipPath(file) ? await gzipAsync(Buffer.from(text, 'utf8')) : text;
	await writeFile(file, data);
}
