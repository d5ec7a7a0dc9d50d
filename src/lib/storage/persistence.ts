/**
 * Keeping the history. Browsers may evict an origin's IndexedDB under storage pressure (Safari
 * also clears script-written storage of sites not visited for 7 days, unless installed) unless
 * the origin asked for persistent storage and got it. And how full the disk is, for a UI that
 * wants to show it before StorageFullError does. Both never throw: missing APIs give null/false.
 */

/** The parts of `navigator.storage` used here (injectable for tests). */
export interface StorageManagerLike {
	persisted?(): Promise<boolean>;
	persist?(): Promise<boolean>;
	estimate?(): Promise<{ usage?: number; quota?: number }>;
}

function browserManager(): StorageManagerLike | undefined {
	return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/**
 * Asks for persistent storage; true when the history is (now) protected from eviction. Chrome
 * grants it silently to installed or engaged sites, Firefox may ask the person: call it after a
 * user action (finishing a first workout), not on page load.
 */
export async function requestPersistentStorage(
	manager: StorageManagerLike | undefined = browserManager()
): Promise<boolean> {
	try {
		if (await manager?.persisted?.()) return true;
		return (await manager?.persist?.()) ?? false;
	} catch {
		return false;
	}
}

export interface StorageUse {
	/** Bytes this origin uses. */
	usage: number;
	/** Bytes it may use. */
	quota: number;
	/** usage / quota, 0–1. */
	share: number;
}

/** How much of its quota the origin uses (the browser's estimate), or null when unknown. */
export async function storageUse(
	manager: StorageManagerLike | undefined = browserManager()
): Promise<StorageUse | null> {
	try {
		const e = await manager?.estimate?.();
		if (!e || typeof e.usage !== 'number' || typeof e.quota !== 'number' || e.quota <= 0) {
			return null;
		}
		return { usage: e.usage, quota: e.quota, share: Math.min(1, e.usage / e.quota) };
	} catch {
		return null;
	}
}
