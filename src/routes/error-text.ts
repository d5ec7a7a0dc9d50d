/**
 * Words for the error page. SvelteKit's own messages ("Not Found", "Internal Error") are for
 * developers; a person gets a sentence that says what happened and what to do.
 */

/** The messages SvelteKit makes up itself when the app gave none. */
const GENERIC = new Set(['Not Found', 'Internal Error', 'Error']);

export function errorText(
	status: number,
	message: string | undefined,
	path: string
): { title: string; message: string } {
	const own = message && !GENERIC.has(message) ? message : null;
	if (status === 404) {
		return {
			title: 'Page not found',
			message:
				own ?? `There is no page at ${path}. The link may be mistyped, or the page has moved.`
		};
	}
	return {
		title: 'Something went wrong',
		message: own ?? 'The page could not be shown. Reload it, or go back to the exercises.'
	};
}
