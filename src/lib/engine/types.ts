/**
 * Types of the rule engine: declarative exercise definitions in, coach state and events out.
 * Pure data: no Svelte, no DOM. See `coach.ts` for the engine that runs them.
 */
import type { Body } from '../pose/keypoints';
import type { BaseMetricName, MetricName, Metrics } from '../metrics/body-metrics';
import type { MeasureSpec } from '../rom/measures';

export type CameraView = 'front' | 'side';
export type ViewRequirement = CameraView | 'either';
export type ExerciseKind = 'rep' | 'hold' | 'side-hold' | 'timed';
export type Side = 'left' | 'right';

/** A leaf condition on one metric. Values are in the metric's own unit (see body-metrics.ts). */
export interface Comparison {
	metric: MetricName;
	op: '<' | '<=' | '>' | '>=' | 'between' | 'outside';
	/** One number for the comparisons; [low, high] for between/outside. */
	value: number | readonly [number, number];
}

/** Conditions combine like json-rules-engine: all / any / not over comparisons. */
export type Condition =
	Comparison | { all: readonly Condition[] } | { any: readonly Condition[] } | { not: Condition };

/**
 * Rep phases with hysteresis: the rep starts when `metric` passes `enter` (in `direction`) and
 * completes when it comes back past `exit`. Jitter between `exit` and `enter` never counts.
 */
export interface RepSpec {
	metric: MetricName;
	/** 'up': active when the metric rises above enter; 'down': when it falls below enter. */
	direction: 'up' | 'down';
	enter: number;
	exit: number;
	/** Seconds a rep must last at least; faster ones still count but raise the tempo cue. */
	minSeconds: number;
	/** For rep-with-hold moves: seconds to hold in the active phase for the rep to count. */
	holdSeconds?: number;
	/** Cue when a rep-with-hold is released too early (default: a generic "hold it" cue). */
	holdCue?: string;
	/**
	 * Extra low-pass time constant (s) on the rep signal, for slow moves measured by a small,
	 * noisy distance (a shoulder-blade squeeze changes shoulder width by only ≈ 7 %).
	 */
	smoothSeconds?: number;
	/**
	 * For rep-with-hold moves: the mean of the rep signal over the active phase must pass this
	 * (metric units, same direction as `enter`) for the rep to count, else `rangeCue` is given.
	 * Keypoint wander lasts ≈ 0.5 s, so a 5 s hold averages it down ≈ 3×: judging the depth on
	 * the mean tells a full squeeze from a 60 % one where single frames cannot. `enter` can then
	 * sit lower, only to notice that a rep started.
	 */
	holdMean?: number;
	/** Cue when a rep-with-hold's mean misses `holdMean` (default: a generic "go further" cue). */
	rangeCue?: string;
	/**
	 * For rep-with-hold moves: the hold must be held still. The rep signal must stay within this
	 * share (0–1) of the rep's span of its deepest value, in one unbroken stretch lasting at
	 * least the shortest hold that counts (engine/coach.ts, HOLD_MIN_SHARE of `holdSeconds`);
	 * else the rep does not count and `holdStillCue` is given. A move that passes through the
	 * held position without staying there (a shoulder roll run as a squeeze) is not the held
	 * move, however long it stays past `enter`.
	 */
	holdStill?: number;
	/** Cue when a rep-with-hold was not held still (default: a generic "hold it still" cue). */
	holdStillCue?: string;
	/**
	 * The shape of the move, beyond the one rep signal: a rep counts only when the key joints
	 * take this path. A plain arm raise lifts the arms as high as a wall angel, but a wall angel
	 * starts from a goal post. Conditions that cannot be judged (a part out of view) pass.
	 */
	shape?: RepShape;
	/**
	 * Judge every rep against `enter` as written, never against the person's own range
	 * (engine/own-range.ts): for signals so small against keypoint wander that a run of
	 * wander-sized wobbles would pass for a stiff person's consistent reps.
	 */
	fixedRange?: boolean;
	/**
	 * The least a stiff person's full rep may reach and still count as their own range (metric
	 * units, between exit and enter; engine/own-range.ts). Default: 35 % of the way from exit to
	 * enter.
	 */
	stiffEnter?: number;
	/**
	 * For a `…Delta` rep signal: learn its rest position from the reps' swing only (the rest
	 * side of the last seconds, engine/baseline.ts), never from a still second. For moves held
	 * still at the top (a prone lift): someone who starts mid-set holds a lift still, and that
	 * second, taken for the rest, would make every later rest read below it and no rep count.
	 */
	restFromReps?: boolean;
}

export interface RepShape {
	/** Must hold at the rest position just before the rep starts (≥ 0.2 s in the last 2 s). */
	start?: Condition;
	/** Must hold on at least half of the rep's frames (where it can be judged). */
	during?: Condition;
	/** What to say when a rep had another shape: the position this move is done from. */
	cue: string;
}

/** What must be true for a hold to run; per-side holds give one condition per side. */
export interface HoldSpec {
	/** Seconds to hold once (per side for side holds). */
	seconds: number;
	/** Number of holds in a set (per side for side holds). */
	count: number;
	condition?: Condition;
	sides?: { left: Condition; right: Condition };
	/** Prompt given when the person is in view but not in the hold position. */
	cue: string;
}

/** Form rule: when `fault` holds for `minSeconds`, the rule fails and may give its cue. */
export interface FormRule {
	id: string;
	/** When the rule is judged: in any phase, only while active (rep or hold), or only at rest. */
	during: 'always' | 'active' | 'rest';
	fault: Condition;
	/** Short spoken/written cue, imperative, in our own words. */
	cue: string;
	/** Higher wins when several rules fail at once. */
	priority: number;
	/** Seconds the fault must persist before it counts (filters single-frame noise). */
	minSeconds?: number;
	/** Points off the 0–100 rep score, scaled by the share of the rep the fault lasted. */
	penalty?: number;
	/**
	 * Whether a hold's clock stops while this fault lasts (default true). False for a
	 * compensation the stretch survives and the camera cannot tell apart from a correct hold on
	 * every model: it is cued and costs score, but the seconds still count.
	 */
	pausesHold?: boolean;
}

export interface Dose {
	sets: number;
	reps?: number;
	holdSeconds?: number;
	perSide?: boolean;
	/** Where the sources give no dose we choose one and say so here. */
	note?: string;
}

export interface ExerciseDefinition {
	id: string;
	name: string;
	kind: ExerciseKind;
	view: ViewRequirement;
	/** Keypoints that must be visible for the move to be judged. */
	requires: readonly import('../pose/keypoints').KeypointName[];
	dose: Dose;
	/** Short instructions, in our own words, shown before and during the move. */
	instructions: readonly string[];
	/** Metrics captured as the person's neutral baseline at the start (facts `<name>Delta`). */
	baseline?: readonly BaseMetricName[];
	rep?: RepSpec;
	/** A different rep signal per camera view (for moves judged from the front or the side). */
	repByView?: Partial<Record<CameraView, RepSpec>>;
	hold?: HoldSpec;
	rules: readonly FormRule[];
	/** False for moves a webcam cannot judge honestly: they run as guided timers. */
	cameraChecked: boolean;
	/**
	 * A floor move: the body lies on its front or back, kneels folded, or is on hands and knees,
	 * so the head may be level with or below the hips. Such bodies are judged instead of being
	 * taken for a model glitch, and the distance check measures the body against the frame's
	 * longer side (a lying body runs across the frame).
	 */
	horizontal?: boolean;
	/**
	 * The move is judged facing the camera, and not with the back to it: seen from behind, its
	 * rep signal is another move's (a trunk turn and a backward shoulder roll both narrow the
	 * shoulder line), so a back view is the wrong view (setup-check.ts `backToCamera`).
	 */
	facesCamera?: boolean;
	/**
	 * The one or two range-of-motion measures recorded per rep or hold, in degrees
	 * (rom/measures.ts). Only read by rom/tracker.ts: the coach never uses them.
	 */
	measures?: readonly MeasureSpec[];
}

export type SetupIssueId =
	| 'no-person'
	| 'low-confidence'
	| 'not-fully-visible'
	| 'too-close'
	| 'too-far'
	| 'wrong-view'
	| 'not-on-floor'
	| 'two-people';

export interface SetupIssue {
	id: SetupIssueId;
	message: string;
	/** Blocking issues pause counting; a non-blocking one (two people) is only a notice. */
	blocking: boolean;
}

export interface Cue {
	id: string;
	text: string;
	/** Session time (s) it was given. */
	t: number;
}

export type CoachEvent =
	| { type: 'rep'; t: number; count: number; score: number; durationSeconds: number }
	| { type: 'hold-progress'; t: number; seconds: number; target: number; side: Side | null }
	| { type: 'hold-complete'; t: number; seconds: number; side: Side | null; count: number }
	| { type: 'cue'; t: number; cue: Cue }
	| { type: 'setup'; t: number; issue: SetupIssue | null }
	| { type: 'not-counted'; t: number; reason: NotCountedReason; text: string };

/**
 * Why the person moved and nothing counted (see engine/not-counted.ts): said in the app and by
 * the analyser.
 */
export type NotCountedReason =
	| 'not-in-view'
	| 'body-part-missing'
	| 'wrong-view'
	| 'not-far-enough'
	| 'too-fast'
	| 'different-move'
	| 'hold-still';

/** Everything the UI needs for one frame. Replace, never mutate (it is $state.raw in the UI). */
export interface CoachState {
	t: number;
	body: Body | null;
	metrics: Metrics | null;
	view: CameraView | 'unknown';
	setup: SetupIssue | null;
	phase: 'rest' | 'active';
	reps: number;
	lastRepScore: number | null;
	/** Seconds held in the current hold (0 when none). */
	holdSeconds: number;
	holdTarget: number;
	holdsCompleted: number;
	/** Seconds held in position with good form over the session, finished holds included. */
	heldSeconds: number;
	/** Completed holds per side (per-side holds only; zeros otherwise). */
	holdsBySide: Readonly<Record<Side, number>>;
	/** True while the coach measures the person's neutral baseline (hold still ~1 s). */
	calibrating: boolean;
	/** For per-side holds: the side being held now, or null. */
	side: Side | null;
	cue: Cue | null;
	/**
	 * Where the rep signal sits between rest (0, at `exit`) and the top (1, at `enter`), clamped;
	 * null for holds or when unmeasured. Drives the range bar in the UI.
	 */
	repProgress: number | null;
	/**
	 * The last judged rep's span as a share of the person's own range (1 = their usual full rep),
	 * once that range is known (engine/own-range.ts); null before, and for holds.
	 */
	lastRepRange: number | null;
	/** Events raised by this frame only. */
	events: readonly CoachEvent[];
}
