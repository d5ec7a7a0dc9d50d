/**
 * The words the app says aloud or puts up as a prompt (and mirrors for screen readers) that are
 * not part of an exercise definition: one table per language, so a translation is one new file.
 * Form cues and setup messages come with the exercise and the engine's checks; the posture
 * nudge's "what to fix" comes from the posture metrics (posture/text.ts `nudgeMessage`); save
 * problems from the storage error they describe.
 */
import type { Side } from '../engine/types';

const capital = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export const ANNOUNCEMENTS_EN = {
	/** A hold reached its target. */
	holdComplete: 'Hold complete.',
	/** One side of a side-by-side hold reached its target. */
	sideDone: (side: Side) => `${capital(side)} side done.`,
	/** A rep counted: the count alone, short enough to follow between reps. */
	repCount: (count: number) => String(count),

	// ---- A set plan (engine/set-plan.ts) ----
	/** A side hold's next side: the same side again, or the other one. */
	nextSide: (next: Side, same: boolean) =>
		same ? `Again, the ${next} side.` : `Now the ${next} side.`,
	/** The last set is done: `sets` is how many the plan had. */
	allSetsDone: (sets: number) => (sets > 1 ? 'All sets done. Well done.' : 'Done. Well done.'),
	setDone: (n: number) => `Set ${n} done.`,
	setDoneRest: (n: number, restSeconds: number) => `Set ${n} done. Rest ${restSeconds} seconds.`,
	/** A few seconds before the rest ends. */
	getReady: 'Get ready.',
	/** A set starts; side holds start on the left. */
	setGo: (n: number, sets: number, sideHolds: boolean) =>
		`Set ${n} of ${sets}${sideHolds ? ', left side first' : ''}. Go.`,

	// ---- A guided timer (session/guided-timer.ts) ----
	timerGo: (label: string) => `Go: ${label}.`,
	timerRest: (nextLabel: string) => `Rest. Next: ${nextLabel}.`,
	timerDone: 'Done. Nicely done.',

	// ---- A routine (routines/player.svelte.ts) ----
	/** "Next: shoulder rolls, 12 reps." */
	routineNext: (name: string, dose: string) => `Next: ${name.toLowerCase()}, ${dose}.`,
	/** The routine's end: something was done, or everything was skipped. */
	routineDone: (didSomething: boolean) =>
		didSomething ? 'Routine done. Well done.' : 'Routine ended.',

	// ---- Work mode's nudges (posture/browser/monitor.svelte.ts): a banner, a chime, a notification ----
	postureNudgeTitle: 'Time to sit up',
	breakNudgeTitle: 'Time for a break',
	breakNudge: (sittingMinutes: number) =>
		`You have been sitting for ${Math.round(sittingMinutes)} minutes. Stand up, move, and try the desk break.`,
	setupChangedTitle: 'Did your setup change?',
	setupChanged:
		'The camera or your seat seems to have moved since you calibrated. Posture is still judged on what a move does not change (angles, proportions); recalibrate sitting well to judge it fully, or keep the old calibration if nothing changed.'
};

export type Announcements = typeof ANNOUNCEMENTS_EN;
