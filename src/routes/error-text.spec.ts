import { describe, expect, it } from 'vitest';
import { errorText } from './error-text';

describe('errorText', () => {
	it('replaces SvelteKit’s bare "Not Found" with a sentence naming the path', () => {
		expect(errorText(404, 'Not Found', '/nowhere')).toEqual({
			title: 'Page not found',
			message: 'There is no page at /nowhere. The link may be mistyped, or the page has moved.'
		});
	});

	it('keeps the app’s own message', () => {
		expect(errorText(404, 'There is no exercise called “x”.', '/workout/x').message).toBe(
			'There is no exercise called “x”.'
		);
		expect(errorText(500, 'Internal Error', '/').message).toMatch(/^The page could not be shown/);
	});
});
