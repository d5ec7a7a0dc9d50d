import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The whole app is client-side: a static build deployable to any static host.
		// `fallback` serves unknown paths (deep links) with the SPA shell.
		adapter: adapter({ fallback: '200.html' }),
		// Registered by the app itself once the page and its pose model have loaded
		// (src/lib/app/offline-install.ts), not on the window's load event.
		serviceWorker: { register: false },
		// Privacy: everything comes from our own origin. 'wasm-unsafe-eval' lets tfjs and
		// MediaPipe compile their WebAssembly; blob: covers tfjs worker/wasm loaders.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', 'blob:'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', 'blob:', 'data:'],
				'img-src': ['self', 'blob:', 'data:'],
				'media-src': ['self', 'blob:', 'mediastream:'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
