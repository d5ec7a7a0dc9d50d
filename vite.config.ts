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

/**
 * The pose worker's bundle (src/lib/pose/estimator.worker.ts) without the modules it never runs,
 * each answered by an empty one: `@mediapipe/pose` (pose-detection imports it at the top level,
 * but the worker runs only the tfjs runtime; pose.js needs a page) and the GPU backends (the
 * worker runs wasm or cpu; session/estimator.ts keeps GPU backends on the page), about 1 MB.
 */
function poseWorkerStubs(): Plugin {
	const STUB = '\0pose-worker-stub:';
	const stubbed = [
		'@mediapipe/pose',
		'@tensorflow/tfjs-backend-webgl',
		'@tensorflow/tfjs-backend-webgpu'
	];
	return {
		name: 'scapula:pose-worker-stubs',
		enforce: 'pre',
		resolveId: (source) => (stubbed.includes(source) ? STUB + source : null),
		load(id) {
			if (!id.startsWith(STUB)) return null;
			if (id === STUB + '@mediapipe/pose') {
				return 'export const Pose = undefined; export const POSE_CONNECTIONS = []; export const VERSION = "stub";';
			}
			// pose-detection's PoseNet GPU path names these; MoveNet and BlazePose never reach it.
			if (id === STUB + '@tensorflow/tfjs-backend-webgpu') {
				return 'export const webgpu_util = {}; export class WebGPUBackend {}';
			}
			return 'export {};';
		}
	};
}

export default defineConfig({
	plugins: [mediapipePoseShim(), sveltekit()],
	// One file per worker, no chunks: the service worker precaches what SvelteKit lists as the
	// build, and that list holds a worker's entry file but not the chunks it would import.
	worker: {
		format: 'es',
		plugins: () => [poseWorkerStubs()],
		rolldownOptions: { output: { codeSplitting: false } }
	},
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
