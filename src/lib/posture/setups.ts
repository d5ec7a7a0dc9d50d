/**
 * Named calibrations, one per setup ("Laptop on the desk", "External monitor"): a person who
 * moves between desks calibrates once at each and picks the one they sit at, instead of
 * recalibrating every time (Dorso's users ask for this, issue 14). Pure data in, data out; the
 * monitor keeps the list in local storage as JSON (src/lib/posture/browser/monitor.svelte.ts).
 *
 * Nothing stored is ever dropped: a list that cannot be read at all is reported and left for
 * the caller to keep aside; a single setup that cannot be read (damaged, or from another version)
 * is reported, kept in `unreadable` and written back with the rest, unused.
 */
import { parseCalibration, type Calibration } from './calibration';

export const SETUPS_VERSION = 1;
/** Longest name kept, characters: enough for "Laptop on the kitchen table, evenings". */
export const MAX_SETUP_NAME = 40;
/** Names the page offers; the person may write any other. */
export const SETUP_SUGGESTIONS: readonly string[] = [
	'Laptop on the desk',
	'External monitor',
	'Standing desk',
	'Kitchen table'
];

export interface SavedSetup {
	name: string;
	calibration: Calibration;
	/** When it was calibrated, wall ms. */
	savedAt: number;
}

export interface SetupShelf {
	version: typeof SETUPS_VERSION;
	/** The name of the setup in use, or null. */
	active: string | null;
	setups: SavedSetup[];
	/** Stored entries this version cannot read, kept as they were. */
	unreadable: unknown[];
}

export const EMPTY_SHELF: SetupShelf = {
	version: SETUPS_VERSION,
	active: null,
	setups: [],
	unreadable: []
};

export interface ShelfRead {
	shelf: SetupShelf;
	/** What went wrong reading it, in words for the page; '' when nothing did. */
	problem: string;
	/** The stored text when it could not be read at all: keep it aside before writing anew. */
	damaged: string | null;
}

/** A name as kept: spaces trimmed and collapsed, at most MAX_SETUP_NAME characters. */
export function cleanSetupName(input: string): string {
	return input.replace(/\s+/g, ' ').trim().slice(0, MAX_SETUP_NAME).trim();
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readSetup(v: unknown): SavedSetup | null {
	if (!isObj(v) || typeof v.name !== 'string') return null;
	const name = cleanSetupName(v.name);
	const calibration = parseCalibration(v.calibration);
	const savedAt = typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) ? v.savedAt : 0;
	return name && calibration ? { name, calibration, savedAt } : null;
}

const WHOLE_LIST_DAMAGED =
	'Your saved setups could not be read: the stored data is damaged. It is kept aside, untouched; calibrate to start a new list.';

/** The stored list (`text`: the stored JSON, null when there is none). */
export function readShelf(text: string | null): ShelfRead {
	if (text === null) return { shelf: EMPTY_SHELF, problem: '', damaged: null };
	let v: unknown;
	try {
		v = JSON.parse(text);
	} catch {
		return { shelf: EMPTY_SHELF, problem: WHOLE_LIST_DAMAGED, damaged: text };
	}
	if (!isObj(v) || v.version !== SETUPS_VERSION || !Array.isArray(v.setups)) {
		return { shelf: EMPTY_SHELF, problem: WHOLE_LIST_DAMAGED, damaged: text };
	}
	const setups: SavedSetup[] = [];
	const unreadable: unknown[] = Array.isArray(v.unreadable) ? [...v.unreadable] : [];
	for (const entry of v.setups) {
		const s = readSetup(entry);
		if (s && !setups.some((x) => sameName(x.name, s.name))) setups.push(s);
		else unreadable.push(entry);
	}
	const active =
		typeof v.active === 'string'
			? (setups.find((s) => sameName(s.name, v.active as string))?.name ?? null)
			: null;
	// Said every time they are there, not only the first: they are kept, and still unused.
	const n = unreadable.length;
	const problem =
		n === 0
			? ''
			: `${n === 1 ? 'One saved setup' : `${n} saved setups`} could not be read (damaged, or saved by another version of Scapula) and ${n === 1 ? 'is' : 'are'} kept aside, unused.`;
	return { shelf: { version: SETUPS_VERSION, active, setups, unreadable }, problem, damaged: null };
}

/**
 * Saves `calibration` under `name` (cleaned; an empty name takes the first suggestion not yet
 * used, else "Setup n") and makes it the one in use. The same name, in any case, is replaced.
 */
export function saveSetup(
	shelf: SetupShelf,
	name: string,
	calibration: Calibration,
	savedAt: number
): SetupShelf {
	const clean = cleanSetupName(name) || defaultSetupName(shelf);
	const setups = shelf.setups.filter((s) => !sameName(s.name, clean));
	setups.push({ name: clean, calibration, savedAt });
	return { ...shelf, active: clean, setups };
}

/** The name an unnamed calibration gets. */
export function defaultSetupName(shelf: SetupShelf): string {
	const used = (n: string) => shelf.setups.some((s) => sameName(s.name, n));
	const free = SETUP_SUGGESTIONS.find((n) => !used(n));
	if (free) return free;
	let i = shelf.setups.length + 1;
	while (used(`Setup ${i}`)) i++;
	return `Setup ${i}`;
}

/** The setup called `name` made the one in use; null when there is none by that name. */
export function useSetup(
	shelf: SetupShelf,
	name: string
): { shelf: SetupShelf; setup: SavedSetup } | null {
	const setup = shelf.setups.find((s) => sameName(s.name, name));
	return setup ? { shelf: { ...shelf, active: setup.name }, setup } : null;
}

/** Without the setup called `name` (and not in use if it was). */
export function removeSetup(shelf: SetupShelf, name: string): SetupShelf {
	return {
		...shelf,
		active: shelf.active !== null && sameName(shelf.active, name) ? null : shelf.active,
		setups: shelf.setups.filter((s) => !sameName(s.name, name))
	};
}
