/**
 * Runs once as the app starts in the browser, before the first page renders.
 */
import type { ClientInit } from '@sveltejs/kit';
import { startModelEarly } from '$lib/app/early-model';

export const init: ClientInit = () => {
	// Start a camera workout's model now rather than when its page mounts (see early-model.ts).
	// Not awaited: the page must not wait for this, and a failure here only means the page
	// loads the model itself, as it would anyway.
	startModelEarly(window.location).catch(() => {});
};
