/**
 * Errors the storage layer raises, each one a class the UI can test with `instanceof` and show.
 * IndexedDB reports failures as DOMExceptions whose names differ between browsers; everything
 * that leaves this folder goes through `toStorageError` first.
 */

/**
 * The browser refused a write because the origin's storage quota is used up. Whatever was being
 * recorded is still in memory (the recorder keeps it and retries on its next write).
 */
export class StorageFullError extends Error {
	override readonly name = 'StorageFullError';
	constructor(options?: { cause?: unknown }) {
		super(
			'The browser has no room left to save your history. Free some space (delete old data or ' +
				'other sites’ data) and it will be saved again; this session is kept until then.',
			options
		);
	}
}

export type UnavailableReason = 'unsupported' | 'newer-version' | 'blocked' | 'failed';

/** IndexedDB is missing (server rendering, some private modes), blocked, or the data is newer. */
export class StorageUnavailableError extends Error {
	override readonly name = 'StorageUnavailableError';
	readonly reason: UnavailableReason;
	constructor(reason: UnavailableReason, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.reason = reason;
	}
}

/**
 * A change to a stored record was refused because the record on disk is unreadable (a buggy
 * build, a devtools edit): overwriting it would lose what it holds. It is kept as it is, listed
 * as skipped where it is read, and the caller keeps the change to try again.
 */
export class CorruptRecordError extends Error {
	override readonly name = 'CorruptRecordError';
	constructor(
		readonly store: string,
		readonly key: string,
		readonly field: string,
		readonly reason: string
	) {
		super(
			`The saved ${store} record ${JSON.stringify(key)} cannot be read (${field} ${reason}). ` +
				'It is kept as it is and nothing was added to it; export your history to keep a copy.'
		);
	}
}

/** Which record of an import file was bad. */
export interface ImportErrorRecord {
	store: string;
	/** Position in that store's array. */
	index: number;
	/** Its id (or date, or key) when it had a usable one. */
	key?: string;
	/** The bad field inside the record, e.g. `repScores[2]`. */
	field: string;
}

/** An import file was refused; nothing stored was changed. `path` names the first bad value. */
export class ImportError extends Error {
	override readonly name = 'ImportError';
	/** Where the first problem is, e.g. `workouts[3].repScores[2]`, or '' for the whole file. */
	readonly path: string;
	readonly reason: string;
	/** Set when the problem is inside one record. */
	readonly record?: ImportErrorRecord;
	constructor(path: string, reason: string, record?: ImportErrorRecord) {
		const where = record
			? `${record.store}[${record.index}]${record.key !== undefined ? ` (${JSON.stringify(record.key)})` : ''}` +
				(record.field ? `, field ${record.field}` : '')
			: path;
		super(where ? `${where}: ${reason}` : reason);
		this.path = path;
		this.reason = reason;
		this.record = record;
	}
}

/**
 * Chromium and WebKit name it QuotaExceededError (legacy code 22); old Firefox threw
 * NS_ERROR_DOM_QUOTA_REACHED (code 1014). IndexedDB usually reports it as the aborted
 * transaction's `error`, which idb passes on as the rejection of `tx.done`.
 */
export function isQuotaError(e: unknown): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const { name, code } = e as { name?: unknown; code?: unknown };
	return (
		name === 'QuotaExceededError' ||
		name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		code === 22 ||
		code === 1014
	);
}

/** Maps a raw IndexedDB failure to one of ours; other errors pass through unchanged. */
export function toStorageError(e: unknown): unknown {
	if (e instanceof StorageFullError || e instanceof StorageUnavailableError) return e;
	if (isQuotaError(e)) return new StorageFullError({ cause: e });
	if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'VersionError') {
		return new StorageUnavailableError(
			'newer-version',
			'Your saved history was written by a newer version of Scapula. Reload to update the app.',
			{ cause: e }
		);
	}
	return e;
}
