import { describe, expect, it } from 'vitest';
import { cameraErrorFrom } from './errors';

describe('cameraErrorFrom', () => {
	it.each([
		['NotAllowedError', 'denied', /Site settings/],
		['PermissionDeniedError', 'denied', /Allow/],
		['NotFoundError', 'not-found', /Plug in a webcam/],
		['OverconstrainedError', 'not-found', /video file/],
		['NotReadableError', 'busy', /Another app/],
		['AbortError', 'aborted', /Try again/],
		['WeirdError', 'unknown', /went wrong/]
	])('%s → %s', (name, kind, text) => {
		const p = cameraErrorFrom({ name, message: 'x' });
		expect(p.kind).toBe(kind);
		expect(p.message).toMatch(text);
	});

	it('handles non-error values', () => {
		expect(cameraErrorFrom(undefined).kind).toBe('unknown');
		expect(cameraErrorFrom('boom').message).toMatch(/boom/);
	});
});
