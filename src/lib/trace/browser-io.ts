/**
 * Pose-trace files in the browser: reading a `.json` / `.json.gz` the user picked, and making a
 * file to download from the session's recording. The browser twin of `trace-file.ts` (Node).
 *
 * Compression uses the browser's own CompressionStream / DecompressionStream (gzip), so no
 * library is needed; where a browser lacks them, saving falls back to plain JSON and opening a
 * compressed file says why it cannot. Like the Node reader, reading looks at the bytes, not the
 * name: a gzip stream starts with 1F 8B.
 *
 * Nothing here sends anything anywhere: files are read from the user's disk and downloads are
 * made from memory with an object URL.
 */
import { isGzip, parseTrace, TraceError, type ParsedTrace } from './pose-trace';

/** The parts of gzip support a browser may lack (both exist in Chromium, Firefox and Safari). */
export interface StreamsApi {
	CompressionStream?: new (format: 'gzip') => GenericTransformStream;
	DecompressionStream?: new (format: 'gzip') => GenericTransformStream;
}

const globalStreams = (): StreamsApi => globalThis as unknown as StreamsApi;

async function streamThrough(
	bytes: Uint8Array<ArrayBuffer>,
	transform: GenericTransformStream
): Promise<Uint8Array> {
	const stream = new Blob([bytes]).stream().pipeThrough(transform);
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The trace's JSON text, decompressed when the file is gzip. A damaged gzip file, or one this
 * browser cannot decompress, is a TraceError with a message for the user.
 */
export async function readTraceText(
	file: Blob,
	api: StreamsApi = globalStreams()
): Promise<string> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (!isGzip(bytes)) return new TextDecoder().decode(bytes);
	if (!api.DecompressionStream)
		throw new TraceError(
			'this browser cannot open compressed (.json.gz) traces; decompress it first (e.g. gunzip) and open the .json'
		);
	try {
		return new TextDecoder().decode(
			await streamThrough(bytes, new api.DecompressionStream('gzip'))
		);
	} catch (e) {
		throw new TraceError(`not a valid gzip file: ${e instanceof Error ? e.message : String(e)}`);
	}
}

/** Reads, decompresses if needed, and validates a trace the user picked (see `parseTrace`). */
export async function readTraceBlob(file: Blob, api?: StreamsApi): Promise<ParsedTrace> {
	return parseTrace(await readTraceText(file, api));
}

export interface TraceDownload {
	blob: Blob;
	/** `.json.gz` when compressed, else `.json`. */
	extension: '.json.gz' | '.json';
}

/**
 * A file from trace JSON text in parts (see `TraceRecorder.jsonParts`): gzip-compressed where
 * the browser can (a 10-minute trace is ~6 MB as text, ~1.5 MB compressed), else plain JSON.
 */
export async function traceDownload(
	parts: readonly string[],
	api: StreamsApi = globalStreams()
): Promise<TraceDownload> {
	const json = new Blob([...parts], { type: 'application/json' });
	if (!api.CompressionStream) return { blob: json, extension: '.json' };
	try {
		const stream = json.stream().pipeThrough(new api.CompressionStream('gzip'));
		const gz = await new Response(stream).blob();
		return { blob: new Blob([gz], { type: 'application/gzip' }), extension: '.json.gz' };
	} catch {
		// A browser whose compressor fails still gets its data, uncompressed.
		return { blob: json, extension: '.json' };
	}
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `scapula-<exercise>-<local date>-<hhmm><extension>`, e.g.
 * `scapula-overhead-arm-reach-2025-03-14-0930.json.gz`: sorts by time, and two sessions on one
 * day do not overwrite each other.
 */
export function traceFileName(exerciseId: string, when: Date | number, extension: string): string {
	const date = new Date(when);
	const safe = exerciseId.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'session';
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `scapula-${safe}-${day}-${pad(date.getHours())}${pad(date.getMinutes())}${extension}`;
}

/** Saves `blob` as `filename` through the browser's download (an object URL, nothing sent). */
export function downloadBlob(blob: Blob, filename: string, doc: Document = document): void {
	const url = URL.createObjectURL(blob);
	const a = doc.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	doc.body.append(a);
	a.click();
	a.remove();
	// Revoke later: some browsers read the URL after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
