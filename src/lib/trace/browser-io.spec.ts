import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzip, TraceError } from './pose-trace';
import {
	readTraceBlob,
	readTraceText,
	traceDownload,
	traceFileName,
	type StreamsApi
} from './browser-io';

// Node has the same CompressionStream / DecompressionStream / Blob / Response as browsers.

const TRACE = {
	format: 'pose-trace',
	version: 1,
	model: 'test',
	keypointNames: ['left_shoulder', 'right_shoulder'],
	width: 640,
	height: 480,
	fps: 30,
	frames: [
		{
			t: 0,
			keypoints: [
				[300, 200, 0.9],
				[340, 200, 0.9]
			]
		},
		{ t: 0.1, keypoints: null }
	]
};
const TEXT = JSON.stringify(TRACE);
const NO_STREAMS: StreamsApi = {};

describe('readTraceText / readTraceBlob', () => {
	it('reads plain JSON and gzip by their bytes, whatever the name', async () => {
		expect(await readTraceText(new Blob([TEXT]))).toBe(TEXT);
		const gz = new Blob([new Uint8Array(gzipSync(TEXT))]);
		expect(await readTraceText(gz)).toBe(TEXT);
		const trace = await readTraceBlob(gz);
		expect(trace.frames).toHaveLength(2);
		expect(trace.frames[1]!.body).toBeNull();
	});

	it('rejects a damaged gzip file with a TraceError', async () => {
		const bytes = new Uint8Array(gzipSync(TEXT)).slice(0, 30);
		await expect(readTraceText(new Blob([bytes]))).rejects.toThrow(TraceError);
		await expect(readTraceText(new Blob([bytes]))).rejects.toThrow(/not a valid gzip file/);
	});

	it('says so when the browser cannot decompress', async () => {
		const gz = new Blob([new Uint8Array(gzipSync(TEXT))]);
		await expect(readTraceText(gz, NO_STREAMS)).rejects.toThrow(/cannot open compressed/);
		// Plain JSON needs no decompressor.
		expect(await readTraceText(new Blob([TEXT]), NO_STREAMS)).toBe(TEXT);
	});

	it('passes the reader’s message on for a bad trace', async () => {
		const bad = { ...TRACE, frames: [TRACE.frames[0], { t: 0.1, keypoints: [[1, 2]] }] };
		await expect(readTraceBlob(new Blob([JSON.stringify(bad)]))).rejects.toThrow(
			/frames\[1\]\.keypoints: expected null or 2 rows/
		);
		await expect(readTraceBlob(new Blob(['{"format":']))).rejects.toThrow(/not JSON/);
	});
});

describe('traceDownload', () => {
	it('compresses where it can, and the result reads back', async () => {
		const parts = [TEXT.slice(0, 50), TEXT.slice(50)];
		const d = await traceDownload(parts);
		expect(d.extension).toBe('.json.gz');
		const bytes = new Uint8Array(await d.blob.arrayBuffer());
		expect(isGzip(bytes)).toBe(true);
		expect(await readTraceText(d.blob)).toBe(TEXT);
	});

	it('falls back to plain JSON without CompressionStream', async () => {
		const d = await traceDownload([TEXT], NO_STREAMS);
		expect(d.extension).toBe('.json');
		expect(await d.blob.text()).toBe(TEXT);
	});
});

describe('traceFileName', () => {
	it('names the exercise and the local date and time', () => {
		const date = new Date(2025, 2, 4, 9, 5);
		expect(traceFileName('overhead-arm-reach', date, '.json.gz')).toBe(
			'scapula-overhead-arm-reach-2025-03-04-0905.json.gz'
		);
		expect(traceFileName('../odd id', date, '.json')).toBe('scapula-odd-id-2025-03-04-0905.json');
		expect(traceFileName('', date, '.json')).toBe('scapula-session-2025-03-04-0905.json');
	});
});
