/**
 * The tfjs compute backends by name, and where the wasm binaries are served: the words the
 * backend choice (backend.ts) and the plan of where a model runs (session/model-plan.ts) share.
 * No tfjs here, so the plan can be read before tfjs has loaded.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Tried in this order; `cpu` (plain JavaScript, 10×+ slower) only when asked for. */
export const DEFAULT_CANDIDATES: readonly BackendName[] = Object.freeze([
	'webgpu',
	'webgl',
	'wasm'
]);

/** Where `static/vendor/tfjs-wasm/` is served (scripts/fetch-models.mjs fills it). */
export const DEFAULT_WASM_PATHS = '/vendor/tfjs-wasm/';
