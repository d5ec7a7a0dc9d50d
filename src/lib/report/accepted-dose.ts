/**
 * The doses a person chose to step up to (a progression offer they tapped), per exercise, kept
 * on this device. Storage is injected (the app passes local storage) so this runs in Node tests.
 */
import type { ItemDose } from '../routines/types';
import { capToSources } from './progression';

export const ACCEPTED_DOSES_KEY = 'scapula:accepted-doses';

export interface DoseStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

const positive = (v: unknown) =>
	v === undefined || (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1000);

function valid(v: unknown): v is ItemDose {
	if (typeof v !== 'object' || v === null) return false;
	const d = v as Record<string, unknown>;
	return positive(d.sets) && positive(d.reps) && positive(d.holdSeconds) && positive(d.holds);
}

/**
 * Every accepted dose, held to the sources' ceilings (progression.ts `capToSources`); anything
 * unreadable, malformed or for an exercise without a ceiling is left out, never thrown.
 */
export function readAcceptedDoses(storage: DoseStorage): Record<string, ItemDose> {
	try {
		const raw = storage.getItem(ACCEPTED_DOSES_KEY);
		const v: unknown = raw === null ? {} : JSON.parse(raw);
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
		const out: Record<string, ItemDose> = {};
		for (const [id, d] of Object.entries(v)) {
			const capped = valid(d) ? capToSources(id, d) : null;
			if (capped) out[id] = capped;
		}
		return out;
	} catch {
		return {};
	}
}

/** Keeps the dose the person tapped; a storage that throws loses it, never the app. */
export function acceptDose(storage: DoseStorage, exerciseId: string, dose: ItemDose): void {
	try {
		storage.setItem(
			ACCEPTED_DOSES_KEY,
			JSON.stringify({ ...readAcceptedDoses(storage), [exerciseId]: dose })
		);
	} catch {
		// Private mode or full: the offer simply comes back next time.
	}
}
