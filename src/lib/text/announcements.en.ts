/**
 * The words the app says aloud (and mirrors for screen readers) that are not part of an
 * exercise definition: one table per language, so a translation is one new file. Form cues and
 * setup messages come with the exercise and the engine's checks; set prompts from the set plan.
 */
import type { Side } from '../engine/types';

export const ANNOUNCEMENTS_EN = {
	/** A hold reached its target. */
	holdComplete: 'Hold complete.',
	/** One side of a side-by-side hold reached its target. */
	sideDone: (side: Side) => `${side.charAt(0).toUpperCase()}${side.slice(1)} side done.`,
	/** A rep counted: the count alone, short enough to follow between reps. */
	repCount: (count: number) => String(count)
} as const;

export type Announcements = typeof ANNOUNCEMENTS_EN;
