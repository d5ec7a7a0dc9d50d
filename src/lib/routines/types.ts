/** Routines as data: a named sequence of catalog exercises, each with an optional dose. */

/** Overrides of an exercise's catalog dose for one routine item; unset fields keep the catalog's. */
export interface ItemDose {
	sets?: number;
	/** Reps per set (rep moves). */
	reps?: number;
	/** Seconds per hold or per timed round. */
	holdSeconds?: number;
	/** Holds per set, per side for per-side holds (camera-checked holds). */
	holds?: number;
}

export interface RoutineItem {
	/** A catalog id (`$lib/exercises`). */
	exerciseId: string;
	dose?: ItemDose;
}

export interface Routine {
	id: string;
	name: string;
	/** One line on what it is for. */
	blurb: string;
	/** The length it is built for, minutes (presets); custom routines estimate theirs. */
	minutes?: number;
	items: readonly RoutineItem[];
	/** Built by the user (saved in this browser). */
	custom?: boolean;
}
