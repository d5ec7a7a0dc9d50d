/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline: after the first visit the app starts and coaches with the network off.
 *
 * - Install precaches the app (every built file and prerendered page, the small static files),
 *   the default pose model and the tfjs WebAssembly binaries: enough to run a workout.
 * - Other models (and the MediaPipe files) are cached the first time they are used.
 * - App files live in a cache named after the build version, so an update swaps them whole;
 *   model weights live in a cache named after their pinned sha256 sums (models/manifest.json),
 *   so an app update does not download 5–13 MB of unchanged weights again.
 *
 * Everything is same-origin: nothing is fetched from anywhere else, and no frame of video ever
 * passes through here (the camera never touches the network).
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { DEFAULT_MODEL, MODELS } from '$lib/pose/models';
import modelManifest from '../models/manifest.json';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** FNV-1a over a string, as 8 hex digits: a short, stable cache name suffix. */
function shortHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

const weightSums = modelManifest.models
	.flatMap((m) => m.files.map((f) => `${f.to}:${f.sha256}`))
	.join('\n');

const APP_CACHE = `scapula-app-${version}`;
const MODEL_CACHE = `scapula-models-${shortHash(weightSums)}`;

const MODELS_DIR = `${base}/models/`;
const VENDOR_DIR = `${base}/vendor/`;
const WASM_DIR = `${base}/vendor/tfjs-wasm/`;

/** The default model's files: precached so the first offline workout has a model. */
const DEFAULT_MODEL_FILES = MODELS[DEFAULT_MODEL].files.map((f) => `${MODELS_DIR}${f}`);

/**
 * App files: the build, the prerendered pages, and static files except the models and vendor
 * folders (tens of MB, most of it for models the person may never pick); of those only the tfjs
 * wasm binaries (~1 MB; which one loads depends on the browser's SIMD and thread support).
 */
const APP_FILES = [
	...build,
	...prerendered,
	...files.filter(
		(f) => (!f.startsWith(MODELS_DIR) && !f.startsWith(VENDOR_DIR)) || f.startsWith(WASM_DIR)
	)
];
const APP_SET = new Set(APP_FILES);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const app = await caches.open(APP_CACHE);
			await app.addAll(APP_FILES);
			// Weights already cached by an earlier version are not fetched again.
			const models = await caches.open(MODEL_CACHE);
			const missing = [];
			for (const url of DEFAULT_MODEL_FILES) {
				if (!(await models.match(url))) missing.push(url);
			}
			await models.addAll(missing);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith('scapula-') && key !== APP_CACHE && key !== MODEL_CACHE) {
					await caches.delete(key);
				}
			}
			// Serve the page that installed us too, so it works offline without a reload.
			await sw.clients.claim();
		})()
	);
});

/** A response worth keeping: complete, successful, from our origin. */
const cacheable = (r: Response) => r.ok && r.status === 200 && r.type === 'basic';

/** From the cache; on a miss from the network, keeping a copy. */
async function cacheFirst(cacheName: string, request: Request): Promise<Response> {
	const cache = await caches.open(cacheName);
	const hit = await cache.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (cacheable(response)) await cache.put(request, response.clone());
	return response;
}

/**
 * Pages: from the network when there is one (so a new version shows up), else the cached page,
 * else the cached home page: every page is the same client-side shell, so it can start any route.
 */
async function page(request: Request): Promise<Response> {
	const cache = await caches.open(APP_CACHE);
	try {
		const response = await fetch(request);
		if (cacheable(response)) await cache.put(request, response.clone());
		return response;
	} catch (e) {
		const hit =
			(await cache.match(request, { ignoreSearch: true })) ??
			(await cache.match(`${base}/`)) ??
			(await cache.match(base || '/'));
		if (hit) return hit;
		throw e;
	}
}

/** Anything else of ours: the network, falling back to a cached copy. */
async function networkFirst(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch (e) {
		const hit = await caches.match(request);
		if (hit) return hit;
		throw e;
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const path = url.pathname;

	if (path.startsWith(MODELS_DIR)) {
		event.respondWith(cacheFirst(MODEL_CACHE, request));
	} else if (APP_SET.has(path) || path.startsWith(VENDOR_DIR)) {
		event.respondWith(cacheFirst(APP_CACHE, request));
	} else if (request.mode === 'navigate') {
		event.respondWith(page(request));
	} else {
		event.respondWith(networkFirst(request));
	}
});
