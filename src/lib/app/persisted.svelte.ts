/**
 * A reactive value mirrored to storage (after svelte.dev's `Persisted.svelte.ts`). Reading is
 * reactive; assigning writes through to the (guarded, injectable) storage.
 */
import { readJson, writeJson, type StorageLike } from '../storage/local';

export class Persisted<T> {
	#value: T = $state() as T;
	#key: string;
	#storage: StorageLike;

	constructor(storage: StorageLike, key: string, fallback: T, valid: (v: unknown) => v is T) {
		this.#storage = storage;
		this.#key = key;
		this.#value = readJson(storage, key, fallback, valid);
	}

	get current(): T {
		return this.#value;
	}

	set current(value: T) {
		this.#value = value;
		writeJson(this.#storage, this.#key, value);
	}
}

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isString = (v: unknown): v is string => typeof v === 'string';
export const oneOf =
	<T extends string>(options: readonly T[]) =>
	(v: unknown): v is T =>
		typeof v === 'string' && (options as readonly string[]).includes(v);
