/**
 * What the page says about a reading: status names, why there is no verdict, what to do about
 * a calibration problem. Data, kept out of the Svelte files so they stay wiring.
 */
import type { CalibrationProblem } from './calibration';
import type { PostureReason } from './engine';
import type { MetricCheck } from './metrics';
import { DEFAULT_SAMPLING, type SamplingPolicy } from './sampling';
import type { MonitorPhase, PostureState, PostureStatus, Sensitivity } from './types';

/** Seconds as the page and the analyser write them: "0.5 s", "1 s", "2.5 s" (one decimal at most). */
function seconds(ms: number): string {
	return `${Math.round(ms / 100) / 10} s`;
}

/**
 * How often the monitor checks, in one vocabulary wherever it is said (the status line, the
 * page's introduction): always the seconds between two checks. Before, one screen said
 * "every 3 s", "2 times a second" and "about once a second".
 */
export function checkPaceText(delayMs: number): string {
	return `every ${seconds(Math.max(0, delayMs))}`;
}

/** The pace in general, from the sampling policy (./sampling.ts), for the page's introduction. */
export function samplingSummary(p: SamplingPolicy = DEFAULT_SAMPLING): string {
	return (
		`${checkPaceText(p.normalMs)} as a rule: ${checkPaceText(p.fastMs)} while your posture ` +
		`changes, ${checkPaceText(p.slowMs)} while you sit well and still`
	);
}

/** Why a metric past its limit does not count, in a word or two (the limits panel). */
export const EXCUSE_TEXT: Readonly<Record<'recline' | 'glance', string>> = {
	recline: 'reclining',
	glance: 'a glance'
};

export const STATUS_LABEL: Readonly<Record<PostureStatus, string>> = {
	upright: 'Upright',
	slouched: 'Slouched',
	away: 'Away',
	unknown: 'Not sure',
	'not-in-position': 'Not in position'
};

/**
 * The four states of the day's totals, the history and the analyser, in the same words: "not in
 * position" is counted with "not sure" there (neither is judged), and named with it.
 */
export const STATE_LABEL: Readonly<Record<PostureState, string>> = {
	upright: STATUS_LABEL.upright,
	slouched: STATUS_LABEL.slouched,
	away: STATUS_LABEL.away,
	unknown: `${STATUS_LABEL.unknown} / ${STATUS_LABEL['not-in-position'].toLowerCase()}`
};

/** What each status means, in one line: the page's legends and the analyser's. */
export const STATUS_MEANING: Readonly<Record<PostureStatus, string>> = {
	upright: 'sitting as when calibrated, every measure within its limit',
	slouched: 'a measure past its limit (head forward or down, shoulders rounded or sunk)',
	away: 'nobody in view: never counts as slouching, and counts as a break',
	unknown:
		'someone is there but cannot be judged: head and shoulders unclear, someone else, or a changed setup',
	'not-in-position': 'stood up, or turned away from how you sat when calibrating'
};

/** The same for the four states. */
export const STATE_MEANING: Readonly<Record<PostureState, string>> = {
	upright: STATUS_MEANING.upright,
	slouched: STATUS_MEANING.slouched,
	away: STATUS_MEANING.away,
	unknown: `${STATUS_MEANING.unknown}; or ${STATUS_MEANING['not-in-position']}`
};

/** When a nudge comes, in words: "after 30 s slouched". */
export function nudgeAfterText(graceSeconds: number): string {
	return `after ${seconds(Math.max(0, graceSeconds) * 1000)} slouched`;
}

/** What the monitor is doing, before and after monitoring. */
const PHASE_HEADLINE: Readonly<Record<Exclude<MonitorPhase, 'monitoring'>, string>> = {
	idle: 'Not started',
	starting: 'Starting',
	'needs-calibration': 'Calibrate to begin',
	calibrating: 'Calibrating',
	paused: 'Paused',
	error: 'Stopped'
};

/** The headline the page and the small always-on-top window show. */
export function statusHeadline(phase: MonitorPhase, status: PostureStatus | null): string {
	if (phase !== 'monitoring') return PHASE_HEADLINE[phase];
	return status ? STATUS_LABEL[status] : 'Watching';
}

/** One line under the status: why, or what it means. */
export const REASON_TEXT: Readonly<Record<PostureReason, string>> = {
	'no-person': 'Nobody in view: monitoring waits, and this never counts as slouching.',
	'not-calibrated': 'Calibrate first: sit well and press Calibrate.',
	'low-confidence':
		'The camera cannot see your head and shoulders clearly (light, angle, distance).',
	'not-seen': 'Your head or shoulders are out of view.',
	'stood-up': 'You seem to be standing: sitting time pauses.',
	turned: 'You are turned away from how you sat when calibrating.',
	'setup-changed':
		'The camera or your seat seems to have moved since calibrating, and what is still in view cannot be judged.',
	'other-person': 'Someone else seems to be in view: only the person who calibrated is judged.'
};

export const CALIBRATION_HELP: Readonly<Record<CalibrationProblem, string>> = {
	'no-person': 'Nobody was in view. Sit in front of the camera, then calibrate again.',
	'view-unclear':
		'The camera view could not be told. Sit facing the camera (or side-on to it), head and shoulders in view.',
	'not-seen':
		'Your head and both shoulders need to be in view. Move back a little or tilt the camera.',
	moving: 'You moved during the count. Sit still, upright and relaxed, for the whole 10 seconds.'
};

export const SENSITIVITY_LABEL: Readonly<Record<Sensitivity, string>> = {
	gentle: 'Gentle',
	normal: 'Normal',
	strict: 'Strict'
};

export const SENSITIVITY_HINT: Readonly<Record<Sensitivity, string>> = {
	gentle: 'Only a clear slouch counts (limits 1.5× wider).',
	normal: 'A slouch you would notice in a mirror.',
	strict: 'Small drifts count too (limits 0.7×).'
};

/** The nudge text for the worst metric past its limit (or a general one). */
export function nudgeMessage(
	checks: readonly MetricCheck[],
	cue: (c: MetricCheck) => string
): string {
	const worst = checks.find((c) => !c.excused && c.ratio >= 1);
	return worst ? `${worst.label}. ${cue(worst)}` : 'Sit tall and let your shoulders relax.';
}

/** A metric's standing as a share of its limit for gauges: 0–1.5, never NaN. */
export function gaugeShare(c: Pick<MetricCheck, 'ratio' | 'excused'>): number {
	if (c.excused || !Number.isFinite(c.ratio)) return 0;
	return Math.min(1.5, Math.max(0, c.ratio));
}

/** "14:05" (local time) for a snooze or quiet-hours end; '' for a bad time. */
export function clockTime(ms: number): string {
	if (!Number.isFinite(ms)) return '';
	const d = new Date(ms);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
