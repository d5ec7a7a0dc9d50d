/**
 * Guarded key-value storage. localStorage can be missing (SSR, tests), blocked (privacy modes
 * throw SecurityError on access) or full (QuotaExceededError on write): every access is wrapped,
 * and an in-memory map stands in so the app keeps working for the session.
 */

export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export function memoryStorage(): StorageLike {
	const map = new Map<string, string>();
	return {
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k)
	};
}

/** The browser's localStorage wrapped so it never throws, or memory where it is unusable. */
export function browserStorage(): StorageLike {
	let ls: Storage | null = null;
	try {
		ls = typeof localStorage === 'undefined' ? null : localStorage;
		// Probe: Safari private mode used to expose localStorage but throw on write.
		ls?.setItem('scapula:probe', '1');
		ls?.removeItem('scapula:probe');
	} catch {
		ls = null;
	}
	if (!ls) return memoryStorage();
	const fallback = memoryStorage();
	const store = ls;
	return {
		getItem(k) {
			try {
				return store.getItem(k) ?? fallback.getItem(k);
			} catch {
				return fallback.getItem(k);
			}
		},
		setItem(k, v) {
			try {
				store.setItem(k, v);
			} catch {
				fallback.setItem(k, v);
			}
		},
		removeItem(k) {
			try {
				store.removeItem(k);
			} catch {
				// ignore
			}
			fallback.removeItem(k);
		}
	};
}

/** Reads JSON; a throwing storage, or anything unparsable or failing `valid`, gives the default. */
export function readJson<T>(
	storage: StorageLike,
	key: string,
	fallback: T,
	valid: (v: unknown) => v is T
): T {
	try {
		const raw = storage.getItem(key);
		if (raw === null) return fallback;
		const v: unknown = JSON.parse(raw);
		return valid(v) ? v : fallback;
	} catch {
		return fallback;
	}
}

/** Writes JSON; a storage that throws (blocked, full) loses the value, never the app. */
export function writeJson(storage: StorageLike, key: string, value: unknown): void {
	try {
		storage.setItem(key, JSON.stringify(value));
	} catch {
		// Nothing to do: the in-memory value still holds for this session.
	}
}
