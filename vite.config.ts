import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173 },
	test: {
		include: ['src/**/*.{test,spec}.ts', 'tests/node/**/*.{test,spec}.ts'],
		environment: 'node',
		// Real models on real photos take a few seconds on 2 CPU cores.
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
