/**
 * Registers the service worker that keeps the app for offline use (src/service-worker.ts), at a
 * moment when its install does not slow the page down.
 *
 * SvelteKit would register it on the window's `load` event. On a first visit its install then
 * downloads and stores every app file and the default model's weights (~10 MB) while the
 * workout page loads the same model: on 2 cores the first skeleton came 1–2 s later. Here the
 * registration waits until the page is loaded, a moment longer for a workout page to begin its
 * model (it does as it mounts, or the moment the safety note is acknowledged), and then until
 * every model load under way has finished. A person reading the page meanwhile loses nothing:
 * the offline copy is in place a few seconds later than before, still during the first visit.
 */
import { modelLoadsSettled } from '$lib/session/model-loads';

/** Time after `load` for a page to begin its model (ms): a click on the safety note included. */
export const MODEL_START_GRACE_MS = 2000;

export interface OfflineInstallDeps {
	/** The browser's service worker container; absent where there is none (old browser, http). */
	container: Pick<ServiceWorkerContainer, 'register'> | undefined;
	/** Resolves once the page has loaded (the window's `load` event). */
	pageLoaded: () => Promise<void>;
	sleep: (ms: number) => Promise<void>;
	modelLoadsSettled: () => Promise<void>;
}

const browserDeps = (): OfflineInstallDeps => ({
	container: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
	pageLoaded: () =>
		document.readyState === 'complete'
			? Promise.resolve()
			: new Promise((resolve) => addEventListener('load', () => resolve(), { once: true })),
	sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
	modelLoadsSettled
});

/**
 * Registers `scriptUrl` once the page and its models have loaded (see above). A registration
 * that fails (a private window, a blocked script) leaves the app working online, as before.
 */
export async function registerOfflineWorker(
	scriptUrl: string,
	options: RegistrationOptions,
	deps: OfflineInstallDeps = browserDeps()
): Promise<void> {
	if (!deps.container) return;
	await deps.pageLoaded();
	await deps.sleep(MODEL_START_GRACE_MS);
	await deps.modelLoadsSettled();
	try {
		await deps.container.register(scriptUrl, options);
	} catch (e) {
		console.warn('The app could not be saved for offline use.', e);
	}
}
