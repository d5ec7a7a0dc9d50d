import { describe, expect, it } from 'vitest';
import { ModelLoadError } from '../errors';
import { fromWireError, toWireError } from './protocol';

/** What postMessage does to plain data: a structured clone. */
const overTheWire = <T>(v: T): T => structuredClone(v);

describe('pose worker errors', () => {
	it('a missing model file arrives as a ModelLoadError with its kind, file and status', () => {
		const sent = ModelLoadError.missing('movenet-lightning.bin', 'HTTP 404', { status: 404 });
		const got = fromWireError(overTheWire(toWireError(sent)));
		expect(got).toBeInstanceOf(ModelLoadError);
		const e = got as ModelLoadError;
		expect(e.kind).toBe('missing');
		expect(e.file).toBe('movenet-lightning.bin');
		expect(e.status).toBe(404);
		expect(e.message).toBe(sent.message);
	});

	it('a damaged file keeps kind corrupt', () => {
		const sent = ModelLoadError.corrupt('movenet-lightning.json', 'it is not JSON');
		const got = fromWireError(overTheWire(toWireError(sent))) as ModelLoadError;
		expect(got.kind).toBe('corrupt');
		expect(got.status).toBeUndefined();
	});

	it('any other error keeps its name and message but is not a ModelLoadError', () => {
		const sent = new RangeError('out of memory');
		const got = fromWireError(overTheWire(toWireError(sent)));
		expect(got).not.toBeInstanceOf(ModelLoadError);
		expect(got.name).toBe('RangeError');
		expect(got.message).toBe('out of memory');
		expect(fromWireError(toWireError('plain text')).message).toBe('plain text');
	});
});
