/**
 * When to nudge: a pure state machine over the settled posture status, on a clock the caller
 * passes in (so tests use a fake one). `step(state, input, config) → { state, events }`.
 *
 * Posture: slouched time adds up while the status is slouched; sitting up (upright), leaving
 * (away) or standing / turning away (not in position) starts it over; unknown holds it (a
 * moment the model is unsure is neither a slouch nor sitting up). When it reaches the grace
 * period, one nudge; while the slouch goes on, another every `repeatSeconds`.
 *
 * Breaks: sitting time adds up while a person is at the desk (upright, slouched, unknown); time
 * away or not in position counts toward a break, and `breakResetSeconds` of it in a row resets
 * the sitting time. After `breakMinutes` of sitting, a break reminder, repeated every
 * `breakRepeatMinutes` until a break is taken.
 *
 * Snooze and quiet hours hold every nudge: nothing fires while they last; a slouch or a sitting
 * time still over its limit when they end is nudged about then. Timers keep counting.
 */
import type { PostureStatus } from './types';

export interface NudgeConfig {
	/** Seconds of slouching before a nudge. */
	graceSeconds: number;
	/** While a slouch goes on after a nudge, seconds between nudges. */
	repeatSeconds: number;
	/** Minutes of sitting before a break reminder; 0 turns break reminders off. */
	breakMinutes: number;
	/** Minutes between break reminders while no break is taken. */
	breakRepeatMinutes: number;
	/** Seconds away (or standing) in a row that count as a break. */
	breakResetSeconds: number;
	/**
	 * Whether reminders are silenced at this wall-clock time: quiet hours. The page passes the
	 * settings' rule (`inQuietHours` in src/lib/app/settings.svelte.ts) so there is one of it.
	 */
	quiet?: (at: Date) => boolean;
	/**
	 * Longest step credited to the timers, s: a sample arriving much later (the computer slept)
	 * is not a minute of slouching. 90 s still credits a tab throttled to one check a minute.
	 */
	maxStepSeconds: number;
}

export const DEFAULT_NUDGE_CONFIG: NudgeConfig = {
	graceSeconds: 30,
	repeatSeconds: 300,
	breakMinutes: 45,
	breakRepeatMinutes: 15,
	breakResetSeconds: 180,
	maxStepSeconds: 90
};

export interface NudgeState {
	/** Monotonic time of the last step, s; null before the first (or after a pause). */
	lastT: number | null;
	/** Seconds slouched in the current slouch. */
	slouchSeconds: number;
	/** slouchSeconds at the last posture nudge in this slouch, or null. */
	nudgedAt: number | null;
	/** Seconds sitting since the last break. */
	sittingSeconds: number;
	/** Seconds away (or standing) in a row. */
	awaySeconds: number;
	/** sittingSeconds at the last break reminder, or null. */
	breakNudgedAt: number | null;
	/** Monotonic time (s) until which nudges are snoozed, or null. */
	snoozedUntil: number | null;
}

export const INITIAL_NUDGE_STATE: NudgeState = Object.freeze({
	lastT: null,
	slouchSeconds: 0,
	nudgedAt: null,
	sittingSeconds: 0,
	awaySeconds: 0,
	breakNudgedAt: null,
	snoozedUntil: null
});

export interface NudgeInput {
	/** Monotonic seconds (session clock). */
	t: number;
	/** Wall-clock time, for quiet hours. */
	wall: Date;
	status: PostureStatus;
}

export type NudgeEvent =
	| { kind: 'posture'; t: number; slouchedSeconds: number }
	| { kind: 'break'; t: number; sittingMinutes: number };

/** Why a due nudge did not fire. */
export type NudgeHold = 'snoozed' | 'quiet' | null;

export interface NudgeStep {
	state: NudgeState;
	events: NudgeEvent[];
	/** A nudge was due but held back (the page can say so). */
	held: NudgeHold;
}

const PRESENT: ReadonlySet<PostureStatus> = new Set(['upright', 'slouched', 'unknown']);

/** Checks a config; throws RangeError naming the bad field. */
export function validateNudgeConfig(c: NudgeConfig): NudgeConfig {
	const positive: Array<keyof NudgeConfig> = [
		'graceSeconds',
		'repeatSeconds',
		'breakRepeatMinutes',
		'breakResetSeconds',
		'maxStepSeconds'
	];
	for (const k of positive) {
		const v = c[k];
		if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
			throw new RangeError(
				`${k} must be a positive number of ${k.endsWith('Minutes') ? 'minutes' : 'seconds'}`
			);
		}
	}
	if (!(Number.isFinite(c.breakMinutes) && c.breakMinutes >= 0)) {
		throw new RangeError('breakMinutes must be 0 (off) or a positive number of minutes');
	}
	return c;
}

/** Advances the nudge state by one settled status; pure. */
export function step(state: NudgeState, input: NudgeInput, config: NudgeConfig): NudgeStep {
	const dt =
		state.lastT === null ? 0 : Math.min(config.maxStepSeconds, Math.max(0, input.t - state.lastT));
	const s: NudgeState = { ...state, lastT: input.t };
	const status = input.status;

	// Posture timer.
	if (status === 'slouched') s.slouchSeconds += dt;
	else if (status !== 'unknown') {
		s.slouchSeconds = 0;
		s.nudgedAt = null;
	}

	// Break timer.
	if (PRESENT.has(status)) {
		s.sittingSeconds += dt;
		s.awaySeconds = 0;
	} else {
		s.awaySeconds += dt;
		if (s.awaySeconds >= config.breakResetSeconds) {
			s.sittingSeconds = 0;
			s.breakNudgedAt = null;
		}
	}

	if (s.snoozedUntil !== null && input.t >= s.snoozedUntil) s.snoozedUntil = null;

	const postureDue =
		status === 'slouched' &&
		s.slouchSeconds >= config.graceSeconds &&
		(s.nudgedAt === null || s.slouchSeconds - s.nudgedAt >= config.repeatSeconds);
	const breakLimit = config.breakMinutes * 60;
	const breakDue =
		breakLimit > 0 &&
		PRESENT.has(status) &&
		s.sittingSeconds >= breakLimit &&
		(s.breakNudgedAt === null ||
			s.sittingSeconds - s.breakNudgedAt >= config.breakRepeatMinutes * 60);

	if (!postureDue && !breakDue) return { state: s, events: [], held: null };
	const held: NudgeHold =
		s.snoozedUntil !== null ? 'snoozed' : config.quiet?.(input.wall) ? 'quiet' : null;
	if (held) return { state: s, events: [], held };

	const events: NudgeEvent[] = [];
	if (postureDue) {
		s.nudgedAt = s.slouchSeconds;
		events.push({ kind: 'posture', t: input.t, slouchedSeconds: s.slouchSeconds });
	}
	if (breakDue) {
		s.breakNudgedAt = s.sittingSeconds;
		events.push({ kind: 'break', t: input.t, sittingMinutes: s.sittingSeconds / 60 });
	}
	return { state: s, events, held: null };
}

/** Snoozes every nudge until `t + seconds` (monotonic s). */
export function snooze(state: NudgeState, t: number, seconds: number): NudgeState {
	if (!(seconds > 0 && Number.isFinite(seconds)))
		throw new RangeError('snooze seconds must be > 0');
	return { ...state, snoozedUntil: t + seconds };
}

export function unsnooze(state: NudgeState): NudgeState {
	return { ...state, snoozedUntil: null };
}

/** The monitor paused (camera off): the next step starts the clock again without a gap. */
export function pause(state: NudgeState): NudgeState {
	return { ...state, lastT: null };
}

/** The person took a break by hand (e.g. ran the desk-break routine): sitting time restarts. */
export function breakTaken(state: NudgeState): NudgeState {
	return { ...state, sittingSeconds: 0, awaySeconds: 0, breakNudgedAt: null };
}
