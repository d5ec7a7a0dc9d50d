import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `@mediapipe/pose` ships a script (pose.js) that sets `globalThis.Pose` and exports nothing,
 * and its package.json `sideEffects` list omits pose.js, so a production build drops it and
 * pose-detection's `import { Pose } from '@mediapipe/pose'` fails (MISSING_EXPORT). This
 * plugin answers that import with a tiny module that runs pose.js (marked as having side
 * effects) and re-exports the global.
 */
function mediapipePoseShim(): Plugin {
	const SHIM = '\0mediapipe-pose-shim';
	return {
		name: 'scapula:mediapipe-pose-shim',
		enforce: 'pre',
		async resolveId(source) {
			if (source === '@mediapipe/pose') return SHIM;
			if (source === '@mediapipe/pose/pose.js') {
				const resolved = await this.resolve(source, undefined, { skipSelf: true });
				return resolved && { ...resolved, moduleSideEffects: true };
			}
			return null;
		},
		load(id) {
			if (id !== SHIM) return null;
			return [
				"import '@mediapipe/pose/pose.js';",
				'const g = globalThis;',
				'export const Pose = g.Pose;',
				'export const POSE_CONNECTIONS = g.POSE_CONNECTIONS;',
				'export const VERSION = g.VERSION;'
			].join('\n');
		}
	};
}

export default defineConfig({
	plugins: [mediapipePoseShim(), sveltekit()],
	// The dev server pre-bundles dependencies with its own bundler, which needs the shim too.
	optimizeDeps: { rolldownOptions: { plugins: [mediapipePoseShim()] } },
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
