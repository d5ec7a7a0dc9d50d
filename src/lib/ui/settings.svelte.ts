/**
 * User settings, persisted in (guarded, injectable) storage: pose model, runtime, backend,
 * mute, the remembered camera and the one-time safety acknowledgement.
 */
import { Persisted, isBoolean, isString, oneOf } from './persisted.svelte';
import { browserStorage, type StorageLike } from './storage';

export const BACKENDS = ['auto', 'webgl', 'wasm', 'webgpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

export const BACKEND_LABELS: Record<BackendChoice, string> = {
	auto: 'Automatic (fastest here)',
	webgl: 'WebGL (graphics card)',
	wasm: 'WebAssembly (processor)',
	webgpu: 'WebGPU (graphics card, newer)'
};

export const RUNTIMES = ['tfjs', 'mediapipe'] as const;
export type RuntimeChoice = (typeof RUNTIMES)[number];

export interface SettingsOptions {
	storage?: StorageLike;
	/** Model ids the registry knows; a stored id not in it falls back to `defaultModel`. */
	models: readonly string[];
	defaultModel: string;
}

const KEY = 'scapula:';

export class Settings {
	#model: Persisted<string>;
	#runtime: Persisted<RuntimeChoice>;
	#backend: Persisted<BackendChoice>;
	#muted: Persisted<boolean>;
	#cameraId: Persisted<string>;
	#safety: Persisted<boolean>;

	constructor(options: SettingsOptions) {
		const storage = options.storage ?? browserStorage();
		this.#model = new Persisted(
			storage,
			KEY + 'model',
			options.defaultModel,
			oneOf(options.models.length > 0 ? options.models : [options.defaultModel])
		);
		this.#runtime = new Persisted(storage, KEY + 'runtime', 'tfjs', oneOf(RUNTIMES));
		this.#backend = new Persisted(storage, KEY + 'backend', 'auto', oneOf(BACKENDS));
		this.#muted = new Persisted(storage, KEY + 'muted', false, isBoolean);
		this.#cameraId = new Persisted(storage, KEY + 'camera', '', isString);
		this.#safety = new Persisted(storage, KEY + 'safety-acknowledged', false, isBoolean);
	}

	get model(): string {
		return this.#model.current;
	}
	set model(v: string) {
		this.#model.current = v;
	}

	get runtime(): RuntimeChoice {
		return this.#runtime.current;
	}
	set runtime(v: RuntimeChoice) {
		this.#runtime.current = v;
	}

	get backend(): BackendChoice {
		return this.#backend.current;
	}
	set backend(v: BackendChoice) {
		this.#backend.current = v;
	}

	get muted(): boolean {
		return this.#muted.current;
	}
	set muted(v: boolean) {
		this.#muted.current = v;
	}

	/** The camera last used ('' for the default one). */
	get cameraId(): string {
		return this.#cameraId.current;
	}
	set cameraId(v: string) {
		this.#cameraId.current = v;
	}

	get safetyAcknowledged(): boolean {
		return this.#safety.current;
	}
	set safetyAcknowledged(v: boolean) {
		this.#safety.current = v;
	}
}
