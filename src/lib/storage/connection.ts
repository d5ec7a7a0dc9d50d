/**
 * The app's one connection to the history database, opened on first use. A failed open is not
 * remembered (the next call tries again: another tab may have finished its upgrade); a newer
 * version opened by another tab closes this connection, and the next call reopens it.
 */
import { openScapulaDb, type ScapulaDb } from '$lib/storage';

let connection: Promise<ScapulaDb> | null = null;

export function historyDb(): Promise<ScapulaDb> {
	if (!connection) {
		const opening = openScapulaDb({
			onVersionChange: () => {
				if (connection === opening) connection = null;
			}
		});
		connection = opening;
		opening.catch(() => {
			if (connection === opening) connection = null;
		});
	}
	return connection;
}
