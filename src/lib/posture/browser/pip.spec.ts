/** Document Picture-in-Picture is offered only where the browser really has it. */
import { describe, expect, it } from 'vitest';
import { documentPip } from './pip';

const api = { requestWindow: async () => ({}) as Window, window: null };
const win = (extra: object, secure = true) =>
	({ isSecureContext: secure, ...extra }) as unknown as Window;

describe('documentPip', () => {
	it('is the API where the browser has it, in a secure context', () => {
		expect(documentPip(win({ documentPictureInPicture: api }))).toBe(api);
	});

	it('is null without it, outside a secure context, or with something else under its name', () => {
		expect(documentPip(win({}))).toBeNull();
		expect(documentPip(win({ documentPictureInPicture: api }, false))).toBeNull();
		expect(documentPip(win({ documentPictureInPicture: {} }))).toBeNull();
		expect(documentPip(undefined)).toBeNull();
	});
});
