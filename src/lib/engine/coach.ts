/**
 * The coach: one frame in, the coach state out. Composes smoothing → metrics → camera-view and
 * setup checks → baseline → rep phases / holds → form rules → one cue at a time → per-rep score.
 * Pure and synchronous: the live app, the offline analyser and the tests run this same class.
 */
import { KeypointSmoother, type SmootherOptions } from '../filters/keypoint-smoother';
import {
	computeMetrics,
	METRIC_UNIT,
	SCALE_HINT_TOLERANCE,
	type MetricUnit,
	type BaseMetricName,
	type MetricName,
	type Metrics
} from '../metrics/body-metrics';
import { detectView, SIDE_MAX_RATIO, SIDE_MAX_RATIO_FLOOR } from '../metrics/view';
import { midOrEither, type Point } from '../geometry/vec';
import { trunkPoints, type Body, type PoseFrame } from '../pose/keypoints';
import { Baseline } from './baseline';
import { evaluate, metricsOf, type Facts, type Slack } from './conditions';
import { CueSelector, type CueOptions } from './cue-selector';
import { FormRuleTracker } from './form-rules';
import { NotCountedTracker } from './not-counted';
import { LOW_ENTER_SHARE, OwnRange } from './own-range';
import { INITIAL_REP_STATE, repTransition, type RepState } from './rep-machine';
import { ShapeTracker } from './shape-tracker';
import { checkSetup } from './setup-check';
import { HIPS_UP_TRUNK_LENGTHS, stanceOf } from './stance';
import type {
	CoachEvent,
	CoachState,
	ExerciseDefinition,
	NotCountedReason,
	RepSpec,
	SetupIssue,
	Side
} from './types';
import { FacingTracker, ViewTracker } from './view-tracker';

export interface CoachOptions {
	smoothing: boolean | Partial<SmootherOptions>;
	cues: Partial<CueOptions>;
}

/** Seconds a setup issue must last before it is reported and pauses counting. */
const SETUP_PERSIST_SECONDS = 0.5;
/** Largest time step (s) credited to a hold: a stalled camera must not add seconds. */
const MAX_STEP_SECONDS = 0.25;
/** Seconds of blocked setup (no person, wrong view…) after which a half-done rep is dropped. */
const ABANDON_REP_SECONDS = 2;
/** Seconds out of the hold position before the hold ends (shorter breaks only pause it). */
const HOLD_EXIT_SECONDS = 3;
/**
 * Seconds out of position, in total, that end a COMPLETED hold so the next one can start. Summed
 * rather than continuous: a noisy frame that reads "in position" while relaxing must not keep
 * the finished hold alive.
 */
const RELAX_SECONDS = 1.5;
/**
 * Seconds a hold position reading must persist before the coach believes it: in position to
 * start (or resume) the timer, out of position to pause it. Hold conditions sit a few degrees
 * from where people hold (a 10° arch judged at 6°), so keypoint wander flips single frames
 * either way; on generated seated extensions with heavy noise those frames credited rest time
 * to the hold and glued two 12 s holds into one 20 s hold, while drop-outs paused real holds.
 */
const HOLD_ENTER_SECONDS = 0.4;
const HOLD_LEAVE_SECONDS = 0.5;
/** Seconds the other side must read in position before a per-side hold switches sides. */
const SIDE_SWITCH_SECONDS = 0.5;
/** Share of the target a rep-with-hold must be held for full marks. */
const HOLD_CREDIT_SHARE = 0.8;
/**
 * Share of the target below which a rep-with-hold does not count at all: a squeeze let go at
 * once is a flick, not a rep. Between this and HOLD_CREDIT_SHARE it counts with points off and
 * the "hold longer" cue: real people asked for 5 s often hold 2–2.5 s.
 */
const HOLD_MIN_SHARE = 0.3;
/**
 * Time constant (s) of the body-scale low-pass: a person's size in the image changes only as
 * they step nearer or farther, which takes seconds; keypoint wander changes it every frame.
 */
const SCALE_SMOOTH_SECONDS = 1;
/**
 * A body does not change size by more than SCALE_HINT_TOLERANCE (25 %) in an instant: nobody
 * steps that far toward the camera in a frame. A scale that jumps so far from a steady one is a
 * model glitch (seen from behind, BlazePose pulls one shoulder onto the other for a frame or
 * three: the shoulder width, and so every distance, off by 40 %), and the frame is not judged,
 * until the new scale has lasted this long (s): then it is real and followed.
 */
const SCALE_JUMP_CONFIRM_SECONDS = 0.3;
/**
 * Every rep signal is low-passed with at least this time constant (s). A rep is now judged by
 * its span, from the rest it started at to its peak (rep-machine.ts), and single-frame keypoint
 * wander widens both ends: on generated 40 % wall angels it added ≈ 8°, enough to pass for a
 * stiff person's full reps. 0.1 s lags a 2 s rep by nothing that matters.
 */
const MIN_SMOOTH_SECONDS = 0.1;
/** Seconds without the rep signal after which a rep in progress is dropped (see #stepRep). */
const UNSEEN_REP_SECONDS = 1;
/** Seconds the rep signal must sit past `exit` on the far side to count as rest (see #isResting). */
const FAR_REST_SECONDS = 1.5;
/** Score points off a rep done faster than its minimum duration. */
const TEMPO_PENALTY = 20;
/** Seconds in view but out of position before the hold's position prompt is given. */
const POSITION_PROMPT_SECONDS = 4;
/**
 * Seconds of frames kept while the person's rest position is still being learned; once it is,
 * they are judged after all, so reps done from the very first second count (people start
 * straight away, and back-to-back reps never give a still second to learn from).
 */
const REPLAY_SECONDS = 8;

/**
 * Seconds a rep may stay active before the coach concludes the rest position is wrong: three
 * times its hold, and never under STUCK_MIN_SECONDS (no rep's movement takes that long).
 */
const STUCK_MIN_SECONDS = 10;
const stuckSeconds = (spec: RepSpec): number =>
	Math.max(STUCK_MIN_SECONDS, 3 * (spec.holdSeconds ?? 0));

/** The rep spec the rep machine runs on: `enter` lowered to the candidate threshold (own-range.ts). */
const lowSpecs = new WeakMap<RepSpec, RepSpec>();
function lowSpec(spec: RepSpec): RepSpec {
	// A held rep starts at `enter` as written: its hold, judged on the mean, tells a stiff
	// person's squeeze from a short one, and a lower start would let keypoint wander during a
	// long hold end it and start a second one.
	if (spec.holdSeconds !== undefined && spec.stiffEnter === undefined) return spec;
	let low = lowSpecs.get(spec);
	if (!low) {
		low = {
			...spec,
			enter: spec.stiffEnter ?? spec.exit + LOW_ENTER_SHARE * (spec.enter - spec.exit)
		};
		lowSpecs.set(spec, low);
	}
	return low;
}

interface CountedRep {
	score: number;
	durationSeconds: number;
}

/**
 * How far past a hold's thresholds a reading may wander, per unit, before the coach believes
 * the person has left the position (the hold is entered at the thresholds as written). Keypoint
 * wander moves a reading that sits a few units inside a threshold back and forth across it; on
 * generated seated extensions with heavy noise (trunk lean ≈ ±4° of slow wander around a 10°
 * arch judged at 6°) a person still arched was paused, and after 3 s out, reset. The units
 * other than degrees and scale units get about half of what the baseline counts as still.
 */
const HOLD_STAY_SLACK: Readonly<Record<MetricUnit, number>> = {
	deg: 3,
	scale: 0.04,
	armLength: 0.06,
	earWidth: 0.15,
	ratio: 0.1,
	px: 0
};

const holdStaySlack: Slack = (metric) =>
	HOLD_STAY_SLACK[
		METRIC_UNIT[(metric.endsWith('Delta') ? metric.slice(0, -5) : metric) as BaseMetricName]
	];

export const EMPTY_SIDES: Readonly<Record<Side, number>> = Object.freeze({ left: 0, right: 0 });

export class Coach {
	readonly def: ExerciseDefinition;
	readonly #smoother: KeypointSmoother | null;
	readonly #views = new ViewTracker();
	readonly #facing = new FacingTracker();
	readonly #baseline: Baseline;
	readonly #rules: FormRuleTracker;
	readonly #cues: CueSelector;
	readonly #isRepExercise: boolean;
	readonly #deltaNames: ReadonlyArray<readonly [BaseMetricName, `${BaseMetricName}Delta`]>;

	#rep: RepState = INITIAL_REP_STATE;
	readonly #ownRange = new OwnRange<CountedRep>();
	readonly #shapes = new Map<RepSpec, ShapeTracker>();
	readonly #why: NotCountedTracker;
	/** Frames seen while the baseline was still being learned (see REPLAY_SECONDS). */
	#replay: Array<{ t: number; metrics: Metrics; view: CoachState['view'] }> = [];
	#reps = 0;
	#lastRepScore: number | null = null;
	#lastJudgedT: number | null = null;
	#blockedSince: number | null = null;
	#setup: SetupIssue | null = null;
	#activeHeld = 0;
	/** Sum and count of the rep signal over the active phase (for RepSpec.holdMean). */
	#activeSum = 0;
	#activeFrames = 0;
	#hold = freshHold();
	#holdsCompleted = 0;
	#holdsBySide: Record<Side, number> = { left: 0, right: 0 };
	#restSince: number | null = null;
	#lastProgressSecond = 0;
	/** Seconds in a hold's position with good form over the session, finished holds included. */
	#heldTotal = 0;
	#state: CoachState;

	constructor(def: ExerciseDefinition, options: Partial<CoachOptions> = {}) {
		this.def = def;
		const smoothing = options.smoothing ?? true;
		this.#smoother = smoothing
			? new KeypointSmoother(typeof smoothing === 'object' ? smoothing : {})
			: null;
		this.#baseline = new Baseline(baseNames(def));
		this.#deltaNames = baseNames(def).map((n) => [n, `${n}Delta`] as const);
		this.#rules = new FormRuleTracker(def.rules);
		this.#cues = new CueSelector(options.cues);
		this.#why = new NotCountedTracker(def);
		this.#isRepExercise = Boolean(def.rep || def.repByView);
		this.#state = this.#snapshot(0, null, null, 'unknown', []);
	}

	get state(): CoachState {
		return this.#state;
	}

	/**
	 * Processes one frame. `people` is how many persons the estimator saw (the tracked one is in
	 * `frame.body`); more than one gives a notice but counting goes on for the tracked person.
	 */
	process(frame: PoseFrame, people = frame.body ? 1 : 0): CoachState {
		const t = frame.t;
		const events: CoachEvent[] = [];
		const body = frame.body && this.#smoother ? this.#smoother.apply(frame.body, t) : frame.body;
		const floor = this.def.horizontal === true;
		const plausible = body !== null && (floor || isPlausibleUpright(body));
		const reading =
			body && plausible
				? detectView(body, floor ? SIDE_MAX_RATIO_FLOOR : SIDE_MAX_RATIO, floor)
				: null;
		const view = reading ? this.#views.update(reading.view, t) : 'unknown';
		const facing = reading ? this.#facing.update(reading.facing, t) : 1;
		const metrics =
			body && reading
				? computeMetrics(body, { ...reading, view, facing }, this.#scaleHint(view))
				: null;
		const steadyScale = metrics ? this.#updateScale(metrics.scalePx, view, t) : true;
		if (body && (!plausible || !steadyScale)) {
			// Keypoints that are not an upright body (a model glitch): this frame is not judged.
			this.#lastJudgedT = null;
			this.#state = this.#snapshot(t, body, null, view, []);
			return this.#state;
		}

		let setup = this.#debounce(checkSetup(this.def, body, view, metrics?.scalePx ?? null), t);
		if (!setup && people > 1) {
			setup = {
				id: 'two-people',
				message:
					'More than one person is in view. I keep following the person who was there first; for the best counts, be alone in the frame.',
				blocking: false
			};
		}
		if (setup?.id !== this.#setup?.id) events.push({ type: 'setup', t, issue: setup });
		if (this.#setup?.id === 'not-on-floor' && setup?.id !== 'not-on-floor') {
			// Down on the floor now: the rest position is learned afresh there, never from the
			// standing person or the frames of getting down.
			this.#baseline.reset();
			this.#replay = [];
		}
		this.#setup = setup;

		if (setup?.blocking || !metrics || this.#pending?.id === 'no-person') {
			this.#blockedSince ??= t;
			if (t - this.#blockedSince > ABANDON_REP_SECONDS) {
				if (this.#rep.phase === 'active') this.#rep = { ...INITIAL_REP_STATE };
				this.#replay = [];
			}
			this.#lastJudgedT = null;
			this.#explainSilence(t, body, metrics, events);
			this.#state = this.#snapshot(t, body, metrics, view, events);
			return this.#state;
		}
		this.#blockedSince = null;

		const dt =
			this.#lastJudgedT === null
				? 0
				: Math.min(Math.max(t - this.#lastJudgedT, 0), MAX_STEP_SECONDS);
		this.#lastJudgedT = t;

		const facts = this.#facts(metrics);
		this.#baseline.update(metrics, t, this.#isResting(facts, t), this.#envelope(view));
		this.#calibrating = this.#needsBaseline(view);
		if (this.#calibrating) {
			this.#replay.push({ t, metrics, view });
			while (t - this.#replay[0]!.t > REPLAY_SECONDS) this.#replay.shift();
			this.#explainSilence(t, body, metrics, events);
			this.#state = this.#snapshot(t, body, metrics, view, events);
			return this.#state;
		}
		if (this.#replay.length > 0) this.#judgeReplay(events);
		this.#judge(facts, view, t, dt, events);
		this.#explainSilence(t, body, metrics, events);
		this.#state = this.#snapshot(t, body, metrics, view, events);
		return this.#state;
	}

	/** The frames kept while the baseline was learned, judged now that it is known. */
	#judgeReplay(events: CoachEvent[]): void {
		const frames = this.#replay;
		this.#replay = [];
		let prevT: number | null = null;
		for (const f of frames) {
			const dt = prevT === null ? 0 : Math.min(Math.max(f.t - prevT, 0), MAX_STEP_SECONDS);
			prevT = f.t;
			this.#judge(this.#facts(f.metrics), f.view, f.t, dt, events);
		}
	}

	/** When the person moves and nothing counts, says why (see not-counted.ts). */
	#explainSilence(
		t: number,
		body: Body | null,
		metrics: Metrics | null,
		events: CoachEvent[]
	): void {
		const why = this.#why.update({
			t,
			body,
			scalePx: metrics?.scalePx ?? null,
			setup: this.#setup,
			calibrating: this.#calibrating,
			repProgress: this.#progress,
			repActive: this.#isRepExercise && this.#rep.phase === 'active'
		});
		if (!why) return;
		events.push({ type: 'not-counted', t, reason: why.reason, text: why.text });
		// A setup problem is already on screen as such; the others become the coach's cue.
		if (this.#setup?.blocking) return;
		const cue = this.#cues.offer([{ id: `why-${why.reason}`, text: why.text }], t, true);
		if (cue) events.push({ type: 'cue', t, cue });
	}

	/** For a rep signal relative to the baseline: lets the baseline learn it from the reps. */
	#envelope(view: CoachState['view']) {
		const spec = this.#repSpec(view);
		if (!spec || !spec.metric.endsWith('Delta')) return undefined;
		return {
			name: spec.metric.slice(0, -5) as BaseMetricName,
			direction: spec.direction,
			swing: Math.abs(lowSpec(spec).enter),
			restBand: Math.abs(spec.exit),
			swingOnly: spec.restFromReps === true
		};
	}

	/** Judges one frame against the exercise: reps or holds, form rules, cues. */
	#judge(
		facts: Facts,
		view: CoachState['view'],
		t: number,
		dt: number,
		events: CoachEvent[]
	): void {
		const repSpec = this.#repSpec(view);
		if (repSpec) this.#stepRep(repSpec, facts, t, events);
		else if (this.def.hold) this.#stepHold(facts, t, dt, events);

		const failing = this.#rules.update(facts, this.#phase(), t);
		// Holds count only while every rule that judges the active phase passes.
		const formOk = !failing.some((r) => r.during !== 'rest');
		if (repSpec) this.#creditRepHold(repSpec, formOk, t, dt, events);
		else if (this.def.hold) this.#creditHold(formOk, t, dt, events);

		const cue = this.#cues.offer(
			failing.map((r) => ({ id: r.id, text: r.cue })),
			t
		);
		if (cue) events.push({ type: 'cue', t, cue });
	}

	reset(): void {
		this.#smoother?.reset();
		this.#views.reset();
		this.#facing.reset();
		this.#baseline.reset();
		this.#rules.reset();
		this.#cues.reset();
		this.#rep = INITIAL_REP_STATE;
		this.#ownRange.reset();
		this.#lastRepRange = null;
		for (const s of this.#shapes.values()) s.reset();
		this.#why.reset();
		this.#replay = [];
		this.#lastSignalT = null;
		this.#farSince = null;
		this.#relearnedAt = -Infinity;
		this.#farSamples = [];
		this.#scale = null;
		this.#scaleJumpSince = null;
		this.#reps = 0;
		this.#lastRepScore = null;
		this.#lastJudgedT = null;
		this.#blockedSince = null;
		this.#setup = null;
		this.#activeHeld = 0;
		this.#hold = freshHold();
		this.#holdsCompleted = 0;
		this.#holdsBySide = { left: 0, right: 0 };
		this.#restSince = null;
		this.#lastProgressSecond = 0;
		this.#heldTotal = 0;
		this.#lastRepSpec = null;
		this.#inHold = false;
		this.#posIn = false;
		this.#posFlipSince = null;
		this.#heldAtFlip = null;
		this.#entryCredit = 0;
		this.#pending = null;
		this.#calibrating = false;
		this.#switchTo = null;
		this.#signal = null;
		this.#progress = null;
		this.#state = this.#snapshot(0, null, null, 'unknown', []);
	}

	#facts(m: Metrics): Facts {
		const facts: Partial<Record<MetricName, number | null>> = { ...m };
		const base = this.#baseline.values;
		// Names built once: this runs every frame.
		for (const [name, delta] of this.#deltaNames) {
			const b = base[name];
			if (b === undefined) continue;
			const v = m[name];
			facts[delta] = v === null ? null : v - b;
		}
		return facts;
	}

	/** Counting waits until the baselines it reads (this view's rep signal, the hold) exist. */
	#needsBaseline(view: CoachState['view']): boolean {
		const spec = this.#repSpec(view);
		const conds = spec
			? []
			: [this.def.hold?.condition, this.def.hold?.sides?.left, this.def.hold?.sides?.right];
		const names = spec ? [spec.metric] : conds.flatMap((c) => (c ? metricsOf(c) : []));
		return names.some(
			(n) => n.endsWith('Delta') && !this.#baseline.has(n.slice(0, -5) as BaseMetricName)
		);
	}

	/** Body scale (px) low-passed over SCALE_SMOOTH_SECONDS, in the view it was measured in. */
	#scale: { v: number; t: number; view: CoachState['view'] } | null = null;

	#scaleHint(view: CoachState['view']): number | null {
		return this.#scale && this.#scale.view === view ? this.#scale.v : null;
	}

	/**
	 * Follows the body scale; false for a frame whose scale jumped away from a steady one (see
	 * SCALE_JUMP_CONFIRM_SECONDS), which is then not judged.
	 */
	#updateScale(px: number | null, view: CoachState['view'], t: number): boolean {
		if (px === null) return true;
		const prev = this.#scale;
		const gap = prev ? t - prev.t : Infinity;
		const steady = prev !== null && prev.view === view && gap > 0 && gap < 1;
		// Front view only: there the scale is the shoulder width, which a real body cannot change
		// in an instant; a side view's comes from the torso or the upper arm, whose length in the
		// picture changes quickly as the arm or trunk turns.
		const jump =
			steady && view === 'front' && Math.abs(px - prev.v) > SCALE_HINT_TOLERANCE * prev.v;
		if (jump) {
			this.#scaleJumpSince ??= t;
			if (t - this.#scaleJumpSince < SCALE_JUMP_CONFIRM_SECONDS) return false;
		}
		this.#scaleJumpSince = null;
		// A new view, a long gap or a jump that lasted starts afresh.
		if (!steady || jump) {
			this.#scale = { v: px, t, view };
			return true;
		}
		// Updated in place: this runs every frame.
		prev.v += (1 - Math.exp(-gap / SCALE_SMOOTH_SECONDS)) * (px - prev.v);
		prev.t = t;
		return true;
	}
	/** Session time (s) since which the body scale has been off its steady value, or null. */
	#scaleJumpSince: number | null = null;

	#calibrating = false;
	#lastRepRange: number | null = null;
	/** Session time (s) of the last frame with a rep signal. */
	#lastSignalT: number | null = null;
	#signal: { v: number; t: number } | null = null;
	#progress: number | null = null;

	/** The rep metric, low-passed when the spec asks (exponential, time constant in s). */
	#repSignal(spec: RepSpec, facts: Facts, t: number): number | null {
		const v = facts[spec.metric];
		if (v === null || v === undefined || !Number.isFinite(v)) return null;
		const tau = Math.max(spec.smoothSeconds ?? 0, MIN_SMOOTH_SECONDS);
		const prev = this.#signal;
		const gap = prev ? t - prev.t : Infinity;
		const out =
			gap > 1 || gap <= 0 || !prev ? v : prev.v + (1 - Math.exp(-gap / tau)) * (v - prev.v);
		this.#signal = { v: out, t };
		return out;
	}

	/**
	 * At rest: the rep signal is within `exit` of the baseline on EITHER side, so the baseline
	 * may average this frame. The band is symmetric on purpose: keeping every frame on the far
	 * side but dropping noisy ones past `exit` biased the mean away from the rep direction (by
	 * ≈ 0.15 σ of the signal's wander), which made every rep read deeper than it was.
	 *
	 * Past `exit` on the far side (away from the rep) for FAR_REST_SECONDS, though, the person is
	 * resting somewhere else than where the baseline was measured: someone who stood tall while
	 * it was measured and then relaxed. Left out, those frames would keep the baseline where it
	 * was for good, and every rep would read shallow; so they are averaged in. Noise seldom stays
	 * past `exit` on one side that long, which keeps the bias above small.
	 */
	#isResting(facts: Facts, t: number): boolean {
		const rep = this.#lastRepSpec ?? this.def.rep;
		if (rep) {
			const v = facts[rep.metric];
			if (v === null || v === undefined || this.#rep.phase !== 'rest') {
				this.#farSince = null;
				this.#farSamples = [];
				return false;
			}
			if (!rep.metric.endsWith('Delta')) {
				return rep.direction === 'up' ? v < rep.exit : v > rep.exit;
			}
			// Signed distance past `exit` away from the rep direction (scale units, deg, …).
			const beyond = (rep.direction === 'up' ? -v : v) - Math.abs(rep.exit);
			if (beyond <= 0) {
				this.#farSince = null;
				this.#farSamples = [];
				return Math.abs(v) < Math.abs(rep.exit);
			}
			this.#farSince ??= t;
			const name = rep.metric.slice(0, -5) as BaseMetricName;
			const base = this.#baseline.values[name];
			if (t - this.#farSince < FAR_REST_SECONDS) {
				if (base !== undefined) this.#farSamples.push({ t, v: v + base });
				return false;
			}
			if (this.#farSince > this.#relearnedAt) {
				// Once per stretch past `exit`: the old rest position is stale; the frames that
				// showed the new one are its first samples.
				this.#baseline.relearn(name, t, this.#farSamples);
				this.#farSamples = [];
				this.#relearnedAt = t;
			}
			return true;
		}
		// A hold has no reliable "rest" signal (out of position may be half-way into it), so its
		// baseline stays as captured at the start.
		return false;
	}

	#phase(): 'rest' | 'active' {
		if (this.#isRepExercise) return this.#rep.phase;
		return this.#hold.outSince === null && (this.#hold.seconds > 0 || this.#inHold)
			? 'active'
			: 'rest';
	}

	/** Session time (s) since the rep signal has sat past `exit` on the far side; see #isResting. */
	#farSince: number | null = null;
	/** The rep metric's values (metric units, not deltas) since #farSince. */
	#farSamples: Array<{ t: number; v: number }> = [];
	/** Session time (s) the baseline was last told to relearn the rest position. */
	#relearnedAt = -Infinity;
	#inHold = false;
	/** Debounced in-position reading of a hold, and since when the raw reading disagrees. */
	#posIn = false;
	#posFlipSince: number | null = null;
	/** Seconds between the first "in position" reading and our being sure of it (see #stepHold). */
	#entryCredit = 0;
	/** The hold's seconds when the reading first said "out of position" (see #stepHold). */
	#heldAtFlip: { hold: HoldProgress; seconds: number; total: number } | null = null;
	#switchTo: { side: Side; since: number } | null = null;
	#pending: { id: SetupIssue['id']; since: number } | null = null;

	/**
	 * A setup issue is reported only once it has lasted SETUP_PERSIST_SECONDS: a keypoint lost
	 * for a frame or two must not flash a message or pause counting (the metrics that needed it
	 * are null meanwhile, and null metrics never change a phase). A reported issue clears at once.
	 */
	#debounce(issue: SetupIssue | null, t: number): SetupIssue | null {
		if (!issue) {
			this.#pending = null;
			return null;
		}
		if (this.#setup?.id === issue.id) return issue;
		if (this.#pending?.id !== issue.id) this.#pending = { id: issue.id, since: t };
		// Until the new issue has lasted, the one already reported (if any) stands.
		return t - this.#pending.since >= SETUP_PERSIST_SECONDS ? issue : this.#setup;
	}
	#lastRepSpec: RepSpec | null = null;

	/** The rep signal for this view; null for holds. */
	#repSpec(view: CoachState['view']): RepSpec | null {
		const byView = view !== 'unknown' ? this.def.repByView?.[view] : undefined;
		return byView ?? this.def.rep ?? null;
	}

	#shapeOf(spec: RepSpec): ShapeTracker {
		let shape = this.#shapes.get(spec);
		if (!shape) {
			shape = new ShapeTracker(spec.shape);
			this.#shapes.set(spec, shape);
		}
		return shape;
	}

	/** A rep attempt that did not count: a cue now, and the reason if the silence goes on. */
	#missed(reason: NotCountedReason, id: string, text: string, t: number, events: CoachEvent[]) {
		this.#why.failure(reason, text, t);
		events.push({ type: 'not-counted', t, reason, text });
		const cue = this.#cues.offer([{ id, text }], t, true);
		if (cue) events.push({ type: 'cue', t, cue });
		this.#rules.takeScore(0);
		this.#activeHeld = 0;
	}

	#countRep(t: number, rep: CountedRep, events: CoachEvent[]): void {
		this.#reps += 1;
		this.#lastRepScore = rep.score;
		this.#why.progress(t);
		events.push({
			type: 'rep',
			t,
			count: this.#reps,
			score: rep.score,
			durationSeconds: rep.durationSeconds
		});
	}

	#stepRep(spec: RepSpec, facts: Facts, t: number, events: CoachEvent[]): void {
		if (spec !== this.#lastRepSpec) {
			// The camera view changed the rep signal: a half-done rep cannot carry over.
			this.#lastRepSpec = spec;
			this.#rep = INITIAL_REP_STATE;
		}
		const signal = this.#repSignal(spec, facts, t);
		if (signal !== null) {
			// A rep must be seen through: after more than UNSEEN_REP_SECONDS without its signal
			// (a stalled camera, the person out of view) nobody knows what happened meanwhile, so
			// the half-seen rep is dropped and the machine waits to see the rest position again.
			const unseen = this.#lastSignalT !== null && t - this.#lastSignalT > UNSEEN_REP_SECONDS;
			if (unseen && this.#rep.phase === 'active') this.#rep = INITIAL_REP_STATE;
			this.#lastSignalT = t;
		}
		this.#progress =
			signal === null
				? null
				: Math.min(1, Math.max(0, (signal - spec.exit) / (spec.enter - spec.exit)));
		// The machine starts a rep at the lower candidate threshold; whether it counts is judged
		// when it ends, against `enter` or the person's own range.
		const { state, event } = repTransition(lowSpec(spec), this.#rep, signal, t);
		this.#rep = state;
		if (
			state.phase === 'active' &&
			spec.metric.endsWith('Delta') &&
			t - state.activeSince > stuckSeconds(spec)
		) {
			// "Active" for longer than any rep, hold included, takes: the rest position was learned
			// wrong (while the person got into place, e.g. lying down for a floor move), so every
			// later rest reads as part of a rep. Learn it afresh; the frames meanwhile are replayed.
			this.#baseline.forget(spec.metric.slice(0, -5) as BaseMetricName);
			this.#rep = INITIAL_REP_STATE;
			this.#ownRange.interrupt();
			return;
		}
		const shape = this.#shapeOf(spec);
		if (event.kind === 'start') {
			shape.repStarted(t);
			this.#why.touch(t);
			this.#rules.takeScore(0); // rest-phase faults do not count against the coming rep
			this.#activeHeld = 0;
			this.#activeSum = 0;
			this.#activeFrames = 0;
			this.#lastProgressSecond = 0;
		}
		shape.update(facts, state.phase === 'active', t);
		if (state.phase === 'active' && signal !== null) {
			this.#activeSum += signal;
			this.#activeFrames++;
		}
		const further = spec.rangeCue ?? 'Go a little further each time.';
		if (event.kind === 'shallow') {
			// Too small to be an attempt at a rep (often keypoint wander near the threshold): no
			// cue now, but if the person keeps moving like this, the silence gets explained.
			this.#ownRange.interrupt();
			this.#why.failure('not-far-enough', further, t);
			this.#rules.takeScore(0);
			this.#activeHeld = 0;
			return;
		}
		if (event.kind !== 'complete') return;
		if (!shape.repMatches()) {
			// Another movement that happens to move the rep signal (an arm raise for wall angels).
			this.#ownRange.interrupt();
			this.#missed('different-move', 'different-move', shape.cue!, t, events);
			return;
		}
		const mean = this.#activeFrames > 0 ? this.#activeSum / this.#activeFrames : NaN;
		// Held reps are judged on their mean over the hold (see RepSpec.holdMean), which keypoint
		// wander moves far less than the peak.
		const meanReached =
			spec.holdMean === undefined ||
			(spec.direction === 'up' ? mean >= spec.holdMean : mean <= spec.holdMean);
		const holdText = spec.holdCue ?? `Hold it for ${spec.holdSeconds} seconds before you let go.`;
		if (spec.holdSeconds && this.#activeHeld < spec.holdSeconds * HOLD_MIN_SHARE) {
			this.#missed('too-fast', 'hold-longer', holdText, t, events);
			return;
		}
		let score = this.#rules.takeScore(event.durationSeconds);
		if (spec.holdSeconds && this.#activeHeld < spec.holdSeconds * HOLD_CREDIT_SHARE) {
			// Held, but not for long: a rep all the same, as a physiotherapist would count it,
			// with points off in proportion and the reminder to hold longer.
			const share = this.#activeHeld / (spec.holdSeconds * HOLD_CREDIT_SHARE);
			score = Math.round(score * (0.5 + 0.5 * share));
			const cue = this.#cues.offer([{ id: 'hold-longer', text: holdText }], t, true);
			if (cue) events.push({ type: 'cue', t, cue });
		}
		const tooFast = event.durationSeconds < spec.minSeconds;
		if (tooFast) score = Math.max(0, score - TEMPO_PENALTY);
		this.#activeHeld = 0;
		const reached =
			meanReached && (spec.direction === 'up' ? event.peak > spec.enter : event.peak < spec.enter);
		const rep: CountedRep = { score, durationSeconds: event.durationSeconds };
		// The rep's span: from the person's rest position where the baseline knows it (a Delta
		// signal is 0 there), else from the rest it started at, which keypoint wander moves. A
		// held rep's span is its mean over the hold.
		const isDelta = spec.metric.endsWith('Delta');
		const span =
			spec.holdMean !== undefined && isDelta
				? Math.abs(mean)
				: isDelta
					? Math.abs(event.peak)
					: event.excursion;
		const { verdict, credited } = spec.fixedRange
			? { verdict: { kind: reached ? 'count' : 'short' } as const, credited: [] }
			: this.#ownRange.judge(span, reached, rep);
		const own = this.#ownRange.span;
		this.#lastRepRange = own !== null && own > 0 && !spec.fixedRange ? span / own : null;
		for (const c of credited) this.#countRep(t, c, events);
		if (verdict.kind === 'count') {
			this.#countRep(t, rep, events);
			if (tooFast) {
				const text = `Slow down: take about ${Math.ceil(spec.minSeconds)} seconds for each rep.`;
				const cue = this.#cues.offer([{ id: 'too-fast', text }], t, true);
				if (cue) events.push({ type: 'cue', t, cue });
			}
		} else if (verdict.kind === 'short')
			this.#missed('not-far-enough', 'go-further', further, t, events);
		else this.#why.failure('not-far-enough', further, t);
	}

	#stepHold(facts: Facts, t: number, dt: number, events: CoachEvent[]): void {
		const spec = this.def.hold!;
		let side: Side | null = null;
		let inPosition: boolean;
		const h = this.#hold;
		// Hysteresis: once in position, the hold's thresholds are loosened by HOLD_STAY_SLACK.
		const stay = (s: Side | null): Slack | undefined =>
			this.#posIn && h.side === s ? holdStaySlack : undefined;
		if (spec.sides) {
			const left = evaluate(spec.sides.left, facts, stay('left')) === true;
			const right = evaluate(spec.sides.right, facts, stay('right')) === true;
			// Both at once (both knees hugged in): the side with fewer holds done, so one position
			// held on serves each side in turn instead of sticking on a finished left.
			const by = this.#holdsBySide;
			side =
				left && right
					? by.right < by.left
						? 'right'
						: 'left'
					: left
						? 'left'
						: right
							? 'right'
							: null;
			inPosition = side !== null;
		} else {
			inPosition = spec.condition ? evaluate(spec.condition, facts, stay(null)) === true : true;
		}
		// Debounced: a reading that has not yet persisted (see HOLD_ENTER_SECONDS) is overridden.
		if (inPosition !== this.#posIn) {
			if (this.#posFlipSince === null) {
				this.#posFlipSince = t;
				this.#heldAtFlip = { hold: h, seconds: h.seconds, total: this.#heldTotal };
			}
			const dwell = inPosition ? HOLD_ENTER_SECONDS : HOLD_LEAVE_SECONDS;
			if (t - this.#posFlipSince >= dwell) {
				if (inPosition) this.#entryCredit = Math.min(t - this.#posFlipSince, 2 * dwell);
				this.#posIn = inPosition;
				this.#posFlipSince = null;
				const at = this.#heldAtFlip;
				if (!inPosition && at && at.hold === h && !h.done) {
					// The person left when the reading first said so, not when we were sure: the
					// seconds credited while we made sure were not held.
					h.seconds = at.seconds;
					this.#heldTotal = at.total;
				}
				this.#heldAtFlip = null;
			} else {
				inPosition = this.#posIn;
				side = inPosition ? h.side : null;
			}
		} else {
			this.#posFlipSince = null;
		}
		// A hold on one side switches only when the other side persists: one frame with a stray
		// ear reading the opposite tilt must not throw away a 17 s hold.
		if (side !== null && h.side !== null && side !== h.side && h.seconds > 0) {
			if (this.#switchTo?.side !== side) this.#switchTo = { side, since: t };
			if (t - this.#switchTo.since < SIDE_SWITCH_SECONDS) {
				side = null;
				inPosition = false;
			}
		} else {
			this.#switchTo = null;
		}
		if (h.done && !inPosition) h.relaxed += dt;
		if (h.done && h.relaxed >= RELAX_SECONDS) {
			this.#hold = { ...freshHold(), outSince: inPosition ? null : t };
		}
		this.#inHold = inPosition;

		if (!inPosition) {
			const hold = this.#hold;
			hold.outSince ??= t;
			if (!hold.done && t - hold.outSince > HOLD_EXIT_SECONDS && hold.seconds > 0) {
				this.#rules.takeScore(0);
				this.#hold = { ...freshHold(), outSince: hold.outSince };
			}
			this.#restSince ??= t;
			if (t - this.#restSince > POSITION_PROMPT_SECONDS) {
				const cue = this.#cues.offer([{ id: 'hold-position', text: spec.cue }], t);
				if (cue) events.push({ type: 'cue', t, cue });
			}
			return;
		}
		this.#restSince = null;
		if (side !== this.#hold.side && this.#hold.seconds > 0) {
			// Switched sides: the other side's hold starts fresh (also right after a completed
			// hold: the person may go straight to the other side before the relax time is up).
			this.#rules.takeScore(0);
			this.#hold = freshHold();
		}
		this.#hold.side = side;
		this.#hold.outSince = null;
	}

	/** Rep-with-hold: seconds held in the active phase with good form. */
	#creditRepHold(
		spec: RepSpec,
		formOk: boolean,
		t: number,
		dt: number,
		events: CoachEvent[]
	): void {
		const target = spec.holdSeconds;
		if (!target || this.#rep.phase !== 'active') return;
		if (formOk) {
			this.#activeHeld += dt;
			this.#why.touch(t);
		}
		const whole = Math.floor(this.#activeHeld);
		if (whole > this.#lastProgressSecond && whole <= target) {
			this.#lastProgressSecond = whole;
			events.push({ type: 'hold-progress', t, seconds: whole, target, side: null });
		}
	}

	/** Holds: time runs only in position with good form; pauses otherwise. */
	#creditHold(formOk: boolean, t: number, dt: number, events: CoachEvent[]): void {
		const spec = this.def.hold!;
		const hold = this.#hold;
		// The seconds spent making sure the person was in position were held too.
		const step = this.#inHold && formOk ? dt + this.#entryCredit : 0;
		if (this.#inHold) this.#entryCredit = 0;
		this.#heldTotal += step;
		if (!this.#inHold || hold.done) return;
		if (hold.seconds === 0) this.#lastProgressSecond = 0;
		if (formOk) {
			hold.seconds += step;
			if (dt > 0) this.#why.progress(t);
		}
		const whole = Math.floor(hold.seconds);
		if (whole > this.#lastProgressSecond) {
			this.#lastProgressSecond = whole;
			events.push({
				type: 'hold-progress',
				t,
				seconds: whole,
				target: spec.seconds,
				side: hold.side
			});
		}
		if (hold.seconds >= spec.seconds) {
			hold.done = true;
			this.#holdsCompleted += 1;
			const side = hold.side;
			if (side) this.#holdsBySide = { ...this.#holdsBySide, [side]: this.#holdsBySide[side] + 1 };
			this.#lastRepScore = this.#rules.takeScore(hold.seconds);
			events.push({
				type: 'hold-complete',
				t,
				seconds: hold.seconds,
				side,
				count: this.#holdsCompleted
			});
			const cue = this.#cues.offer(
				[{ id: 'hold-done', text: 'Well held. Relax and breathe.' }],
				t,
				true
			);
			if (cue) events.push({ type: 'cue', t, cue });
		}
	}

	#snapshot(
		t: number,
		body: Body | null,
		metrics: Metrics | null,
		view: CoachState['view'],
		events: CoachEvent[]
	): CoachState {
		const rep =
			this.#lastRepSpec ??
			this.def.rep ??
			(this.def.repByView ? Object.values(this.def.repByView)[0] : undefined);
		return {
			t,
			body,
			metrics,
			view,
			setup: this.#setup,
			phase: this.#phase(),
			reps: this.#reps,
			lastRepScore: this.#lastRepScore,
			holdSeconds: rep ? (rep.holdSeconds ? this.#activeHeld : 0) : this.#hold.seconds,
			holdTarget: rep ? (rep.holdSeconds ?? 0) : (this.def.hold?.seconds ?? 0),
			holdsCompleted: this.#holdsCompleted,
			heldSeconds: this.#heldTotal,
			holdsBySide: this.#holdsBySide,
			calibrating: this.#calibrating && this.#setup?.blocking !== true && body !== null,
			side: this.#hold.side,
			cue: this.#cues.current(t),
			repProgress: this.#progress,
			lastRepRange: this.#lastRepRange,
			events
		};
	}
}

function baseNames(def: ExerciseDefinition): BaseMetricName[] {
	return [...(def.baseline ?? [])];
}

interface HoldProgress {
	seconds: number;
	side: Side | null;
	done: boolean;
	/** When the person left the position (continuous), or null while in it. */
	outSince: number | null;
	/** Seconds out of position in total since the hold completed. */
	relaxed: number;
}

function freshHold(): HoldProgress {
	return { seconds: 0, side: null, done: false, outSince: null, relaxed: 0 };
}

/**
 * Every camera-checked move but the floor moves (`horizontal`, which skip this check) is done
 * with the trunk upright or hinged at most to horizontal, so
 * the head is never below the hips and the shoulders never below the hips (image y grows down;
 * a margin of 5 % of the frame height for keypoint noise). A body that breaks this is a model
 * glitch, not a person. Nor are they done with the body on the floor (isOnTheFloor): a person on
 * hands and knees or lying is doing a floor move, which a standing or seated move must not
 * count.
 */
function isPlausibleUpright(body: Body): boolean {
	const margin = 0.05 * (Number.isFinite(body.height) && body.height > 0 ? body.height : 0);
	const pts = trunkPoints(body);
	const hip = midOrEither(pts.lh, pts.rh);
	if (!hip) return true;
	const head = pts.nose ?? pts.le ?? pts.re;
	if (head && head.y > hip.y + margin) return false;
	const shoulder = midOrEither(pts.ls, pts.rs);
	if (shoulder && shoulder.y > hip.y + margin) return false;
	return !shoulder || !isOnTheFloor(body, hip, shoulder);
}

/**
 * Trunk within this many degrees of level with the hips low (stance.ts): a body on hands and
 * knees, lying, or folded on the floor. A standing hinge (a wall stretch) has the trunk level
 * too, but its hips sit a leg's length (≈ 1.7 trunk lengths) above the ankles.
 */
const FLOOR_TRUNK_DEG = 35;

/** A body on the floor with a level trunk: not for a move done standing or sitting (see above). */
function isOnTheFloor(body: Body, hip: Point, shoulder: Point): boolean {
	const stance = stanceOf(body, hip, shoulder);
	return (
		stance !== null && stance.riseDeg < FLOOR_TRUNK_DEG && stance.hipHeight < HIPS_UP_TRUNK_LENGTHS
	);
}
