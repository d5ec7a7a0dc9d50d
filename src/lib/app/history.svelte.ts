/**
 * The history page's state and actions: load what is stored (finishing workouts a closed tab
 * left open), export it (JSON with the preferences, or CSV tables), import an export (checked
 * whole before anything is written), and delete everything. The page only wires buttons here.
 *
 * The database and the settings come in through `HistoryDeps`, so it runs in Node tests.
 */
import {
	deleteAll,
	exportAll,
	finishAbandonedWorkouts,
	ImportError,
	importAll,
	listPostureDays,
	listRoutines,
	listWorkouts,
	localDate,
	postureDaysCsv,
	StorageFullError,
	StorageUnavailableError,
	validateExport,
	workoutsCsv,
	type ImportCounts,
	type JsonValue,
	type PostureDayRecord,
	type RoutineRecord,
	type ScapulaDb,
	type ScapulaExport,
	type WorkoutRecord
} from '$lib/storage';
import type { Settings } from '$lib/app/settings.svelte';

/** The settings record an export carries the preferences in. */
export const PREFERENCES_KEY = 'preferences';

/**
 * Largest file the import reads (bytes). A year of daily workouts with every cue is a few MB;
 * anything far bigger is not an export, and reading it whole could stall a phone.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type PreferencesLike = Pick<
	Settings,
	'preferences' | 'applyPreferences' | 'resetPreferences' | 'safetyAcknowledged'
>;

export interface HistoryDeps {
	db: () => Promise<ScapulaDb>;
	/** Preferences travel in the export; absent, exports carry none and imports apply none. */
	settings?: PreferencesLike;
	/** Wall clock (ms), for file names and "abandoned" workouts. */
	now?: () => number;
}

export interface DownloadFile {
	name: string;
	type: string;
	text: string;
}

export type ImportOutcome =
	{ ok: true; counts: ImportCounts; preferences: boolean } | { ok: false; message: string };

/** A message a person can act on, for any failure of the storage layer. */
export function storageMessage(e: unknown): string {
	if (e instanceof StorageFullError || e instanceof StorageUnavailableError) return e.message;
	if (e instanceof Error && e.message)
		return `The history could not be read or saved: ${e.message}`;
	return 'The history could not be read or saved.';
}

export class HistoryStore {
	status: 'loading' | 'ready' | 'error' = $state('loading');
	/** Why loading failed (status 'error'). */
	error: string | null = $state(null);
	workouts: WorkoutRecord[] = $state.raw([]);
	postureDays: PostureDayRecord[] = $state.raw([]);
	routines: RoutineRecord[] = $state.raw([]);
	/** Stored records that failed validation (left on disk, not shown, not exported). */
	skipped = $state(0);

	readonly #deps: HistoryDeps;
	readonly #now: () => number;

	constructor(deps: HistoryDeps) {
		this.#deps = deps;
		this.#now = deps.now ?? Date.now;
	}

	get empty(): boolean {
		return this.workouts.length === 0 && this.postureDays.length === 0;
	}

	/** Reads everything; first ends workouts a closed tab left in progress long ago. */
	async load(): Promise<void> {
		try {
			const db = await this.#deps.db();
			await finishAbandonedWorkouts(db, { now: this.#now() });
			const [w, p, r] = await Promise.all([
				listWorkouts(db),
				listPostureDays(db),
				listRoutines(db)
			]);
			this.workouts = w.records;
			this.postureDays = p.records;
			this.routines = r.records;
			this.skipped = w.skipped.length + p.skipped.length + r.skipped.length;
			this.error = null;
			this.status = 'ready';
		} catch (e) {
			this.error = storageMessage(e);
			this.status = 'error';
		}
	}

	#stamp(): string {
		return localDate(this.#now());
	}

	/** Everything stored, plus the preferences, as the JSON file an import reads back. */
	async exportJson(): Promise<DownloadFile> {
		const data = await exportAll(await this.#deps.db(), { now: this.#now });
		const settings = this.#deps.settings;
		if (settings) {
			data.settings = [
				...data.settings.filter((s) => s.key !== PREFERENCES_KEY),
				{ key: PREFERENCES_KEY, value: settings.preferences() as JsonValue }
			];
		}
		return {
			name: `scapula-export-${this.#stamp()}.json`,
			type: 'application/json',
			text: JSON.stringify(data, null, 1)
		};
	}

	/** One table as CSV (read fresh from the database, like the JSON export). */
	async exportCsv(table: 'workouts' | 'posture'): Promise<DownloadFile> {
		const db = await this.#deps.db();
		const text =
			table === 'workouts'
				? workoutsCsv((await listWorkouts(db)).records)
				: postureDaysCsv((await listPostureDays(db)).records);
		return {
			name: `scapula-${table === 'workouts' ? 'workouts' : 'posture-days'}-${this.#stamp()}.csv`,
			type: 'text/csv',
			text
		};
	}

	/**
	 * Imports an export's text. The whole file is checked first; a bad one is refused with the
	 * reason and nothing stored changes. 'merge' keeps what is stored and adds the file's records
	 * (same id: the file's wins); 'replace' makes the history exactly the file's.
	 */
	async importText(text: string, mode: 'merge' | 'replace' = 'merge'): Promise<ImportOutcome> {
		let data: ScapulaExport;
		try {
			data = validateExport(text);
		} catch (e) {
			if (e instanceof ImportError) return { ok: false, message: e.message };
			throw e;
		}
		let counts: ImportCounts;
		try {
			counts = await importAll(await this.#deps.db(), data, { mode });
		} catch (e) {
			if (e instanceof ImportError) return { ok: false, message: e.message };
			return { ok: false, message: storageMessage(e) };
		}
		const prefs = data.settings.find((s) => s.key === PREFERENCES_KEY)?.value;
		let preferences = false;
		if (this.#deps.settings && prefs && typeof prefs === 'object' && !Array.isArray(prefs)) {
			preferences = this.#deps.settings.applyPreferences(prefs).length > 0;
		}
		await this.load();
		return { ok: true, counts, preferences };
	}

	/**
	 * Deletes the whole history and resets the settings (preferences, remembered camera and the
	 * safety note) on this device.
	 */
	async deleteEverything(): Promise<void> {
		await deleteAll(await this.#deps.db());
		const settings = this.#deps.settings;
		if (settings) {
			settings.resetPreferences();
			settings.safetyAcknowledged = false;
		}
		await this.load();
	}
}
