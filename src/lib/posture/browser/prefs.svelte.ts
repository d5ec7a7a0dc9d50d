/** The posture page's own preferences (this device only): the chime and the camera preview. */
import { isBoolean, Persisted } from '$lib/app/persisted.svelte';
import { browserStorage, type StorageLike } from '$lib/storage/local';

export class PosturePrefs {
	#sound: Persisted<boolean>;
	#preview: Persisted<boolean>;

	constructor(storage: StorageLike = browserStorage()) {
		this.#sound = new Persisted(storage, 'scapula:posture-sound', false, isBoolean);
		this.#preview = new Persisted(storage, 'scapula:posture-preview', true, isBoolean);
	}

	/** A soft chime with each nudge (off by default: a sound in an office is a choice). */
	get sound(): boolean {
		return this.#sound.current;
	}
	set sound(v: boolean) {
		this.#sound.current = v;
	}

	/** Show the camera picture (monitoring goes on without it). */
	get preview(): boolean {
		return this.#preview.current;
	}
	set preview(v: boolean) {
		this.#preview.current = v;
	}
}
