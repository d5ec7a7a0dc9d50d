/**
 * The coach: one frame in, the coach state out. Composes smoothing → metrics → camera-view and
 * setup checks → baseline → rep phases / holds → form rules → one cue at a time → per-rep score.
 * Pure and synchronous: the live app, the offline analyser and the tests run this same class.
 */
import { KeypointSmoother, type SmootherOptions } from '../filters/keypoint-smoother';
import {
	computeMetrics,
	SCALE_HINT_TOLERANCE,
	type BaseMetricName,
	type MetricName,
	type Metrics
} from '../metrics/body-metrics';
import { detectView, SIDE_MAX_RATIO, SIDE_MAX_RATIO_FLOOR } from '../metrics/view';
import { midOrEither, type Point } from '../geometry/vec';
import { trunkPoints, type Body, type PoseFrame } from '../pose/keypoints';
import { Baseline } from './baseline';
import { metricsOf, type Facts } from './conditions';
import { CueSelector, type CueOptions } from './cue-selector';
import { FormRuleTracker } from './form-rules';
import { NotCountedTracker } from './not-counted';
import { LOW_ENTER_SHARE, OwnRange } from './own-range';
import {
	holdCredit,
	holdPhase,
	holdTransition,
	INITIAL_HOLD_STATE,
	type HoldState
} from './hold-machine';
import { INITIAL_REP_STATE, repTransition, type RepState } from './rep-machine';
import { ShapeTracker } from './shape-tracker';
import { SteadyHold } from './steady-hold';
import { creditedStep } from './time-step';
import { checkSetup } from './setup-check';
import { HIPS_UP_TRUNK_LENGTHS, stanceOf } from './stance';
import type {
	CoachEvent,
	CoachState,
	ExerciseDefinition,
	HoldSpec,
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
/** Seconds of blocked setup (no person, wrong view…) after which a half-done rep is dropped. */
const ABANDON_REP_SECONDS = 2;
/** Share of the target a rep-with-hold must be held for full marks. */
const HOLD_CREDIT_SHARE = 0.8;
/**
 * Share of the target below which a rep-with-hold does not count at all: a squeeze let go at
 * once is a flick, not a rep. Between this and HOLD_CREDIT_SHARE it counts with points off and
 * the "hold longer" cue: real people asked for 5 s often hold 2–2.5 s.
 */
export const HOLD_MIN_SHARE = 0.3;
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
 * One run of an exercise: everything the coach learns and counts from the frames, trackers
 * included. reset() replaces it whole, so nothing can be left over from the last run.
 */
interface CoachRun {
	readonly smoother: KeypointSmoother | null;
	readonly views: ViewTracker;
	readonly facing: FacingTracker;
	readonly baseline: Baseline;
	readonly rules: FormRuleTracker;
	readonly cues: CueSelector;
	readonly why: NotCountedTracker;
	readonly ownRange: OwnRange<CountedRep>;
	/** Each rep spec's shape tracker, made when the spec is first used. */
	readonly shapes: Map<RepSpec, ShapeTracker>;
	/** Body scale (px) low-passed over SCALE_SMOOTH_SECONDS, in the view it was measured in. */
	scale: { v: number; t: number; view: CoachState['view'] } | null;
	/** Session time (s) since which the body scale has been off its steady value, or null. */
	scaleJumpSince: number | null;
	/** The setup issue reported, and the one waiting to last SETUP_PERSIST_SECONDS. */
	setup: SetupIssue | null;
	pending: { id: SetupIssue['id']; since: number } | null;
	/** Session time (s) since which counting has been blocked (setup, no metrics), or null. */
	blockedSince: number | null;
	/** Session time (s) of the last judged frame (null after a frame that was not judged). */
	lastJudgedT: number | null;
	calibrating: boolean;
	/** Frames seen while the baseline was still being learned (see REPLAY_SECONDS). */
	replay: Array<{ t: number; metrics: Metrics; view: CoachState['view'] }>;
	/** The rep spec of the last judged frame (it changes with the view for repByView). */
	lastRepSpec: RepSpec | null;
	rep: RepState;
	/** The low-passed rep signal (metric units) and its time (s). */
	signal: { v: number; t: number } | null;
	/** Session time (s) of the last frame with a rep signal. */
	lastSignalT: number | null;
	/** How far into a rep the signal is, 0 (rest) to 1 (enter). */
	progress: number | null;
	/** Session time (s) since the rep signal has sat past `exit` on the far side; see #isResting. */
	farSince: number | null;
	/** The rep metric's values (metric units, not deltas) since farSince. */
	farSamples: Array<{ t: number; v: number }>;
	/** Session time (s) the baseline was last told to relearn the rest position. */
	relearnedAt: number;
	reps: number;
	lastRepScore: number | null;
	/** The last rep's span as a share of the person's own range, or null. */
	lastRepRange: number | null;
	/** Rep-with-hold: seconds held with good form in the current active phase. */
	activeHeld: number;
	/** Sum and count of the rep signal over the active phase (for RepSpec.holdMean). */
	activeSum: number;
	activeFrames: number;
	/** The rep signal over the active phase (for RepSpec.holdStill). */
	readonly steady: SteadyHold;
	/** Rep-with-hold: whole seconds of the current rep's hold already announced. */
	lastProgressSecond: number;
	/** Holds (hold-machine.ts). */
	hold: HoldState;
}

export const EMPTY_SIDES: Readonly<Record<Side, number>> = Object.freeze({ left: 0, right: 0 });

export class Coach {
	readonly def: ExerciseDefinition;
	readonly #isRepExercise: boolean;
	readonly #deltaNames: ReadonlyArray<readonly [BaseMetricName, `${BaseMetricName}Delta`]>;
	readonly #options: Partial<CoachOptions>;
	/** Everything learned and counted since the start or the last reset(). */
	#run: CoachRun;
	/** What the last frame gave (see `state`). */
	#state: CoachState;

	constructor(def: ExerciseDefinition, options: Partial<CoachOptions> = {}) {
		this.def = def;
		this.#options = options;
		this.#deltaNames = baseNames(def).map((n) => [n, `${n}Delta`] as const);
		this.#isRepExercise = Boolean(def.rep || def.repByView);
		this.#run = this.#newRun();
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
		const body =
			frame.body && this.#run.smoother ? this.#run.smoother.apply(frame.body, t) : frame.body;
		const floor = this.def.horizontal === true;
		const plausible = body !== null && (floor || isPlausibleUpright(body));
		const reading =
			body && plausible
				? detectView(body, floor ? SIDE_MAX_RATIO_FLOOR : SIDE_MAX_RATIO, floor)
				: null;
		const view = reading ? this.#run.views.update(reading.view, t) : 'unknown';
		const facing = reading ? this.#run.facing.update(reading.facing, t) : 1;
		const metrics =
			body && reading
				? computeMetrics(body, { ...reading, view, facing }, this.#scaleHint(view))
				: null;
		const steadyScale = metrics ? this.#updateScale(metrics.scalePx, view, t) : true;
		if (body && (!plausible || !steadyScale)) {
			// Keypoints that are not an upright body (a model glitch): this frame is not judged.
			this.#run.lastJudgedT = null;
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
		if (setup?.id !== this.#run.setup?.id) events.push({ type: 'setup', t, issue: setup });
		if (this.#run.setup?.id === 'not-on-floor' && setup?.id !== 'not-on-floor') {
			// Down on the floor now: the rest position is learned afresh there, never from the
			// standing person or the frames of getting down.
			this.#run.baseline.reset();
			this.#run.replay = [];
		}
		this.#run.setup = setup;

		if (setup?.blocking || !metrics || this.#run.pending?.id === 'no-person') {
			this.#run.blockedSince ??= t;
			if (t - this.#run.blockedSince > ABANDON_REP_SECONDS) {
				if (this.#run.rep.phase === 'active') this.#run.rep = { ...INITIAL_REP_STATE };
				this.#run.replay = [];
			}
			this.#run.lastJudgedT = null;
			this.#explainSilence(t, body, metrics, events);
			this.#state = this.#snapshot(t, body, metrics, view, events);
			return this.#state;
		}
		this.#run.blockedSince = null;

		const dt = creditedStep(this.#run.lastJudgedT, t);
		this.#run.lastJudgedT = t;

		const facts = this.#facts(metrics);
		this.#run.baseline.update(metrics, t, this.#isResting(facts, t), this.#envelope(view));
		this.#run.calibrating = this.#needsBaseline(view);
		if (this.#run.calibrating) {
			this.#run.replay.push({ t, metrics, view });
			while (t - this.#run.replay[0]!.t > REPLAY_SECONDS) this.#run.replay.shift();
			this.#explainSilence(t, body, metrics, events);
			this.#state = this.#snapshot(t, body, metrics, view, events);
			return this.#state;
		}
		if (this.#run.replay.length > 0) this.#judgeReplay(events);
		this.#judge(facts, view, t, dt, events);
		this.#explainSilence(t, body, metrics, events);
		this.#state = this.#snapshot(t, body, metrics, view, events);
		return this.#state;
	}

	/** The frames kept while the baseline was learned, judged now that it is known. */
	#judgeReplay(events: CoachEvent[]): void {
		const frames = this.#run.replay;
		this.#run.replay = [];
		let prevT: number | null = null;
		for (const f of frames) {
			const dt = creditedStep(prevT, f.t);
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
		const why = this.#run.why.update({
			t,
			body,
			scalePx: metrics?.scalePx ?? null,
			setup: this.#run.setup,
			calibrating: this.#run.calibrating,
			repProgress: this.#run.progress,
			repActive: this.#isRepExercise && this.#run.rep.phase === 'active'
		});
		if (!why) return;
		events.push({ type: 'not-counted', t, reason: why.reason, text: why.text });
		// A setup problem is already on screen as such; the others become the coach's cue.
		if (this.#run.setup?.blocking) return;
		const cue = this.#run.cues.offer([{ id: `why-${why.reason}`, text: why.text }], t, true);
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
		else if (this.def.hold) this.#stepHold(this.def.hold, facts, t, dt, events);

		const failing = this.#run.rules.update(facts, this.#phase(), t);
		// Holds count only while every rule that judges the active phase and pauses holds passes.
		const formOk = !failing.some((r) => r.during !== 'rest' && r.pausesHold !== false);
		if (repSpec) this.#creditRepHold(repSpec, formOk, t, dt, events);
		else if (this.def.hold) this.#creditHold(this.def.hold, formOk, t, dt, events);

		const cue = this.#run.cues.offer(
			failing.map((r) => ({ id: r.id, text: r.cue })),
			t
		);
		if (cue) events.push({ type: 'cue', t, cue });
	}

	/** Forgets everything learned and counted: the next frame starts a new run of the exercise. */
	reset(): void {
		this.#run = this.#newRun();
		this.#state = this.#snapshot(0, null, null, 'unknown', []);
	}

	#newRun(): CoachRun {
		const smoothing = this.#options.smoothing ?? true;
		return {
			smoother: smoothing
				? new KeypointSmoother(typeof smoothing === 'object' ? smoothing : {})
				: null,
			views: new ViewTracker(),
			facing: new FacingTracker(),
			baseline: new Baseline(baseNames(this.def)),
			rules: new FormRuleTracker(this.def.rules),
			cues: new CueSelector(this.#options.cues),
			why: new NotCountedTracker(this.def),
			ownRange: new OwnRange<CountedRep>(),
			shapes: new Map(),
			scale: null,
			scaleJumpSince: null,
			setup: null,
			pending: null,
			blockedSince: null,
			lastJudgedT: null,
			calibrating: false,
			replay: [],
			lastRepSpec: null,
			rep: INITIAL_REP_STATE,
			signal: null,
			lastSignalT: null,
			progress: null,
			farSince: null,
			farSamples: [],
			relearnedAt: -Infinity,
			reps: 0,
			lastRepScore: null,
			lastRepRange: null,
			activeHeld: 0,
			activeSum: 0,
			activeFrames: 0,
			steady: new SteadyHold(),
			lastProgressSecond: 0,
			hold: INITIAL_HOLD_STATE
		};
	}

	#facts(m: Metrics): Facts {
		const facts: Partial<Record<MetricName, number | null>> = { ...m };
		const base = this.#run.baseline.values;
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
			(n) => n.endsWith('Delta') && !this.#run.baseline.has(n.slice(0, -5) as BaseMetricName)
		);
	}

	#scaleHint(view: CoachState['view']): number | null {
		return this.#run.scale && this.#run.scale.view === view ? this.#run.scale.v : null;
	}

	/**
	 * Follows the body scale; false for a frame whose scale jumped away from a steady one (see
	 * SCALE_JUMP_CONFIRM_SECONDS), which is then not judged.
	 */
	#updateScale(px: number | null, view: CoachState['view'], t: number): boolean {
		if (px === null) return true;
		const prev = this.#run.scale;
		const gap = prev ? t - prev.t : Infinity;
		const steady = prev !== null && prev.view === view && gap > 0 && gap < 1;
		// Front view only: there the scale is the shoulder width, which a real body cannot change
		// in an instant; a side view's comes from the torso or the upper arm, whose length in the
		// picture changes quickly as the arm or trunk turns.
		const jump =
			steady && view === 'front' && Math.abs(px - prev.v) > SCALE_HINT_TOLERANCE * prev.v;
		if (jump) {
			this.#run.scaleJumpSince ??= t;
			if (t - this.#run.scaleJumpSince < SCALE_JUMP_CONFIRM_SECONDS) return false;
		}
		this.#run.scaleJumpSince = null;
		// A new view, a long gap or a jump that lasted starts afresh.
		if (!steady || jump) {
			this.#run.scale = { v: px, t, view };
			return true;
		}
		// Updated in place: this runs every frame.
		prev.v += (1 - Math.exp(-gap / SCALE_SMOOTH_SECONDS)) * (px - prev.v);
		prev.t = t;
		return true;
	}

	/** The rep metric, low-passed when the spec asks (exponential, time constant in s). */
	#repSignal(spec: RepSpec, facts: Facts, t: number): number | null {
		const v = facts[spec.metric];
		if (v === null || v === undefined || !Number.isFinite(v)) return null;
		const tau = Math.max(spec.smoothSeconds ?? 0, MIN_SMOOTH_SECONDS);
		const prev = this.#run.signal;
		const gap = prev ? t - prev.t : Infinity;
		const out =
			gap > 1 || gap <= 0 || !prev ? v : prev.v + (1 - Math.exp(-gap / tau)) * (v - prev.v);
		this.#run.signal = { v: out, t };
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
		const rep = this.#run.lastRepSpec ?? this.def.rep;
		if (rep) {
			const v = facts[rep.metric];
			if (v === null || v === undefined || this.#run.rep.phase !== 'rest') {
				this.#run.farSince = null;
				this.#run.farSamples = [];
				return false;
			}
			if (!rep.metric.endsWith('Delta')) {
				return rep.direction === 'up' ? v < rep.exit : v > rep.exit;
			}
			// Signed distance past `exit` away from the rep direction (torso lengths, deg, …).
			const beyond = (rep.direction === 'up' ? -v : v) - Math.abs(rep.exit);
			if (beyond <= 0) {
				this.#run.farSince = null;
				this.#run.farSamples = [];
				return Math.abs(v) < Math.abs(rep.exit);
			}
			this.#run.farSince ??= t;
			const name = rep.metric.slice(0, -5) as BaseMetricName;
			const base = this.#run.baseline.values[name];
			if (t - this.#run.farSince < FAR_REST_SECONDS) {
				if (base !== undefined) this.#run.farSamples.push({ t, v: v + base });
				return false;
			}
			if (this.#run.farSince > this.#run.relearnedAt) {
				// Once per stretch past `exit`: the old rest position is stale; the frames that
				// showed the new one are its first samples.
				this.#run.baseline.relearn(name, t, this.#run.farSamples);
				this.#run.farSamples = [];
				this.#run.relearnedAt = t;
			}
			return true;
		}
		// A hold has no reliable "rest" signal (out of position may be half-way into it), so its
		// baseline stays as captured at the start.
		return false;
	}

	#phase(): 'rest' | 'active' {
		if (this.#isRepExercise) return this.#run.rep.phase;
		return holdPhase(this.#run.hold);
	}

	/**
	 * A setup issue is reported only once it has lasted SETUP_PERSIST_SECONDS: a keypoint lost
	 * for a frame or two must not flash a message or pause counting (the metrics that needed it
	 * are null meanwhile, and null metrics never change a phase). A reported issue clears at once.
	 */
	#debounce(issue: SetupIssue | null, t: number): SetupIssue | null {
		if (!issue) {
			this.#run.pending = null;
			return null;
		}
		if (this.#run.setup?.id === issue.id) return issue;
		if (this.#run.pending?.id !== issue.id) this.#run.pending = { id: issue.id, since: t };
		// Until the new issue has lasted, the one already reported (if any) stands.
		return t - this.#run.pending.since >= SETUP_PERSIST_SECONDS ? issue : this.#run.setup;
	}

	/** The rep signal for this view; null for holds. */
	#repSpec(view: CoachState['view']): RepSpec | null {
		const byView = view !== 'unknown' ? this.def.repByView?.[view] : undefined;
		return byView ?? this.def.rep ?? null;
	}

	#shapeOf(spec: RepSpec): ShapeTracker {
		let shape = this.#run.shapes.get(spec);
		if (!shape) {
			shape = new ShapeTracker(spec.shape);
			this.#run.shapes.set(spec, shape);
		}
		return shape;
	}

	/** A rep attempt that did not count: a cue now, and the reason if the silence goes on. */
	#missed(reason: NotCountedReason, id: string, text: string, t: number, events: CoachEvent[]) {
		this.#run.why.failure(reason, text, t);
		events.push({ type: 'not-counted', t, reason, text });
		const cue = this.#run.cues.offer([{ id, text }], t, true);
		if (cue) events.push({ type: 'cue', t, cue });
		this.#run.rules.takeScore(0);
		this.#run.activeHeld = 0;
	}

	#countRep(t: number, rep: CountedRep, events: CoachEvent[]): void {
		this.#run.reps += 1;
		this.#run.lastRepScore = rep.score;
		this.#run.why.progress(t);
		events.push({
			type: 'rep',
			t,
			count: this.#run.reps,
			score: rep.score,
			durationSeconds: rep.durationSeconds
		});
	}

	#stepRep(spec: RepSpec, facts: Facts, t: number, events: CoachEvent[]): void {
		if (spec !== this.#run.lastRepSpec) {
			// The camera view changed the rep signal: a half-done rep cannot carry over.
			this.#run.lastRepSpec = spec;
			this.#run.rep = INITIAL_REP_STATE;
		}
		const signal = this.#repSignal(spec, facts, t);
		if (signal !== null) {
			// A rep must be seen through: after more than UNSEEN_REP_SECONDS without its signal
			// (a stalled camera, the person out of view) nobody knows what happened meanwhile, so
			// the half-seen rep is dropped and the machine waits to see the rest position again.
			const unseen =
				this.#run.lastSignalT !== null && t - this.#run.lastSignalT > UNSEEN_REP_SECONDS;
			if (unseen && this.#run.rep.phase === 'active') this.#run.rep = INITIAL_REP_STATE;
			this.#run.lastSignalT = t;
		}
		this.#run.progress =
			signal === null
				? null
				: Math.min(1, Math.max(0, (signal - spec.exit) / (spec.enter - spec.exit)));
		// The machine starts a rep at the lower candidate threshold; whether it counts is judged
		// when it ends, against `enter` or the person's own range.
		const { state, event } = repTransition(lowSpec(spec), this.#run.rep, signal, t);
		this.#run.rep = state;
		if (
			state.phase === 'active' &&
			spec.metric.endsWith('Delta') &&
			t - state.activeSince > stuckSeconds(spec)
		) {
			// "Active" for longer than any rep, hold included, takes: the rest position was learned
			// wrong (while the person got into place, e.g. lying down for a floor move), so every
			// later rest reads as part of a rep. Learn it afresh; the frames meanwhile are replayed.
			this.#run.baseline.forget(spec.metric.slice(0, -5) as BaseMetricName);
			this.#run.rep = INITIAL_REP_STATE;
			this.#run.ownRange.interrupt();
			return;
		}
		const shape = this.#shapeOf(spec);
		if (event.kind === 'start') {
			shape.repStarted(t);
			this.#run.why.touch(t);
			this.#run.rules.takeScore(0); // rest-phase faults do not count against the coming rep
			this.#run.activeHeld = 0;
			this.#run.activeSum = 0;
			this.#run.activeFrames = 0;
			this.#run.steady.start();
			this.#run.lastProgressSecond = 0;
		}
		shape.update(facts, state.phase === 'active', t);
		if (state.phase === 'active' && signal !== null) {
			this.#run.activeSum += signal;
			this.#run.activeFrames++;
			if (spec.holdStill !== undefined) this.#run.steady.add(t, signal);
		}
		const further = spec.rangeCue ?? 'Go a little further each time.';
		if (event.kind === 'shallow') {
			// Too small to be an attempt at a rep (often keypoint wander near the threshold): no
			// cue now, but if the person keeps moving like this, the silence gets explained.
			this.#run.ownRange.interrupt();
			this.#run.why.failure('not-far-enough', further, t);
			this.#run.rules.takeScore(0);
			this.#run.activeHeld = 0;
			return;
		}
		if (event.kind !== 'complete') return;
		if (!shape.repMatches()) {
			// Another movement that happens to move the rep signal (an arm raise for wall angels).
			this.#run.ownRange.interrupt();
			this.#missed('different-move', 'different-move', shape.cue!, t, events);
			return;
		}
		const mean = this.#run.activeFrames > 0 ? this.#run.activeSum / this.#run.activeFrames : NaN;
		// Held reps are judged on their mean over the hold (see RepSpec.holdMean), which keypoint
		// wander moves far less than the peak.
		const meanReached =
			spec.holdMean === undefined ||
			(spec.direction === 'up' ? mean >= spec.holdMean : mean <= spec.holdMean);
		const holdText = spec.holdCue ?? `Hold it for ${spec.holdSeconds} seconds before you let go.`;
		if (spec.holdSeconds && this.#run.activeHeld < spec.holdSeconds * HOLD_MIN_SHARE) {
			this.#missed('too-fast', 'hold-longer', holdText, t, events);
			return;
		}
		if (spec.holdSeconds && spec.holdStill !== undefined) {
			// Held long enough, but was it held still (see RepSpec.holdStill)? The span is the
			// rep's depth from the person's rest where the baseline knows it (a Delta signal is 0
			// there), else from the rest the rep started at.
			const depth = spec.metric.endsWith('Delta') ? Math.abs(event.peak) : event.excursion;
			const still = this.#run.steady.longestNear(event.peak, spec.holdStill * depth);
			if (still < spec.holdSeconds * HOLD_MIN_SHARE) {
				this.#run.ownRange.interrupt();
				const text = spec.holdStillCue ?? 'Hold the position still for a moment before you let go.';
				this.#missed('hold-still', 'hold-still', text, t, events);
				return;
			}
		}
		let score = this.#run.rules.takeScore(event.durationSeconds);
		if (spec.holdSeconds && this.#run.activeHeld < spec.holdSeconds * HOLD_CREDIT_SHARE) {
			// Held, but not for long: a rep all the same, as a physiotherapist would count it,
			// with points off in proportion and the reminder to hold longer.
			const share = this.#run.activeHeld / (spec.holdSeconds * HOLD_CREDIT_SHARE);
			score = Math.round(score * (0.5 + 0.5 * share));
			const cue = this.#run.cues.offer([{ id: 'hold-longer', text: holdText }], t, true);
			if (cue) events.push({ type: 'cue', t, cue });
		}
		const tooFast = event.durationSeconds < spec.minSeconds;
		if (tooFast) score = Math.max(0, score - TEMPO_PENALTY);
		this.#run.activeHeld = 0;
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
			: this.#run.ownRange.judge(span, reached, rep);
		const own = this.#run.ownRange.span;
		this.#run.lastRepRange = own !== null && own > 0 && !spec.fixedRange ? span / own : null;
		for (const c of credited) this.#countRep(t, c, events);
		if (verdict.kind === 'count') {
			this.#countRep(t, rep, events);
			if (tooFast) {
				const text = `Slow down: take about ${Math.ceil(spec.minSeconds)} seconds for each rep.`;
				const cue = this.#run.cues.offer([{ id: 'too-fast', text }], t, true);
				if (cue) events.push({ type: 'cue', t, cue });
			}
		} else if (verdict.kind === 'short')
			this.#missed('not-far-enough', 'go-further', further, t, events);
		else this.#run.why.failure('not-far-enough', further, t);
	}

	/** Step one of a hold (hold-machine.ts): in position or not, which side. */
	#stepHold(spec: HoldSpec, facts: Facts, t: number, dt: number, events: CoachEvent[]): void {
		const { state, scoreReset, prompt } = holdTransition(spec, this.#run.hold, { facts, t, dt });
		this.#run.hold = state;
		if (scoreReset) this.#run.rules.takeScore(0);
		if (prompt) {
			const cue = this.#run.cues.offer([{ id: 'hold-position', text: spec.cue }], t);
			if (cue) events.push({ type: 'cue', t, cue });
		}
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
		if (!target || this.#run.rep.phase !== 'active') return;
		if (formOk) {
			this.#run.activeHeld += dt;
			this.#run.why.touch(t);
		}
		const whole = Math.floor(this.#run.activeHeld);
		if (whole > this.#run.lastProgressSecond && whole <= target) {
			this.#run.lastProgressSecond = whole;
			events.push({ type: 'hold-progress', t, seconds: whole, target, side: null });
		}
	}

	/** Step two of a hold: time runs only in position with good form; pauses otherwise. */
	#creditHold(spec: HoldSpec, formOk: boolean, t: number, dt: number, events: CoachEvent[]): void {
		const step = holdCredit(spec, this.#run.hold, { formOk, t, dt });
		this.#run.hold = step.state;
		if (step.progressed) this.#run.why.progress(t);
		for (const e of step.events) {
			if (e.type === 'hold-complete') this.#run.lastRepScore = this.#run.rules.takeScore(e.seconds);
			events.push(e);
			if (e.type !== 'hold-complete') continue;
			const cue = this.#run.cues.offer(
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
			this.#run.lastRepSpec ??
			this.def.rep ??
			(this.def.repByView ? Object.values(this.def.repByView)[0] : undefined);
		return {
			t,
			body,
			metrics,
			view,
			setup: this.#run.setup,
			phase: this.#phase(),
			reps: this.#run.reps,
			lastRepScore: this.#run.lastRepScore,
			holdSeconds: rep
				? rep.holdSeconds
					? this.#run.activeHeld
					: 0
				: this.#run.hold.current.seconds,
			holdTarget: rep ? (rep.holdSeconds ?? 0) : (this.def.hold?.seconds ?? 0),
			holdsCompleted: this.#run.hold.holdsCompleted,
			heldSeconds: this.#run.hold.heldTotal,
			holdsBySide: this.#run.hold.holdsBySide,
			calibrating: this.#run.calibrating && this.#run.setup?.blocking !== true && body !== null,
			side: this.#run.hold.current.side,
			cue: this.#run.cues.current(t),
			repProgress: this.#run.progress,
			lastRepRange: this.#run.lastRepRange,
			events
		};
	}
}

function baseNames(def: ExerciseDefinition): BaseMetricName[] {
	return [...(def.baseline ?? [])];
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
