/**
 * Sets and sides: follows an exercise's dose over the Coach's output. Sets of N reps (or holds)
 * with a rest timer between them; per-side holds alternate sides, prompting the switch, until
 * each side has its count; a summary with per-set totals and the asymmetry between sides.
 *
 * Additive to the Coach: it only reads CoachStates. Pure and synchronous: the caller passes the
 * wall clock (seconds) in, so the rest timer runs in Node tests with a fake clock. Rest runs on
 * the wall clock, not the Coach's session clock, because the camera may be off while resting.
 *
 * The caller resets the Coach when `newSet` comes back true, so the Coach's own counters read
 * "reps in this set" on screen; the plan keeps the totals.
 */
import { ANNOUNCEMENTS_EN, type Announcements } from '../text/announcements.en';
import type { CoachState, ExerciseDefinition, Side } from './types';
import { creditedStep } from './time-step';

/** Rest between sets of reps (s): 30–60 s is the usual rest for light endurance sets. */
export const REST_AFTER_REPS_SECONDS = 45;
/** Rest between sets of holds (s): a stretch needs less recovery than a strengthening set. */
export const REST_AFTER_HOLDS_SECONDS = 30;
/** "Get ready" is said this many seconds before a rest ends. */
const READY_WARNING_SECONDS = 5;

export type PlanKind = 'reps' | 'holds' | 'side-holds';
export type PlanPhase = 'work' | 'rest' | 'done';

export interface SetPlanOptions {
	/** Sets (default: the dose's). */
	sets?: number;
	/** Reps per set for rep moves (default: the dose's); null: open-ended, the set never ends. */
	reps?: number | null;
	/** Holds per set, per side for per-side holds (default: the definition's hold count). */
	holds?: number;
	/** Rest between sets, seconds. */
	restSeconds?: number;
	/** The words it says (default English: text/announcements.en.ts). */
	words?: Announcements;
}

export interface SetRecord {
	/** 1-based. */
	set: number;
	reps: number;
	holds: number;
	holdsBySide: Record<Side, number>;
	/** Rep scores, or hold scores, 0–100, in order. */
	scores: number[];
	/** Wall seconds from the set's first frame to its end (or to now, while it runs). */
	seconds: number;
	complete: boolean;
}

export interface SideSummary {
	holds: number;
	/** Seconds spent in the hold position on this side (form faults included). */
	heldSeconds: number;
	/** Mean hold score, 0–100, or null when no hold finished on this side. */
	meanScore: number | null;
}

export interface Asymmetry {
	/** |left − right| / the larger, 0–1; null when neither side was held. */
	heldShare: number | null;
	/** Left mean score − right mean score, points; null unless both sides have a score. */
	scoreDiff: number | null;
	/** The side that did less (shorter hold, or lower score when the times match); null if even. */
	weaker: Side | null;
}

export interface PlanSummary {
	kind: PlanKind;
	sets: SetRecord[];
	totalReps: number;
	totalHolds: number;
	/** Mean of every rep or hold score, 0–100, or null when nothing was scored. */
	meanScore: number | null;
	/** Per-side holds only. */
	sides: Record<Side, SideSummary> | null;
	asymmetry: Asymmetry | null;
	/** Every set finished. */
	complete: boolean;
}

export interface PlanSnapshot {
	kind: PlanKind;
	phase: PlanPhase;
	/** 1-based current set (the next one while resting). */
	set: number;
	sets: number;
	/** Reps, or holds (per side), that make a set; null when open-ended. */
	target: number | null;
	/** Reps or holds done in the current set (per-side holds: the smaller side's count). */
	done: number;
	/** Holds done per side in the current set. */
	bySide: Record<Side, number>;
	/** Per-side holds: the side to work now. */
	side: Side | null;
	restSeconds: number;
	/** Seconds left of the rest (0 outside it). */
	restRemaining: number;
	/** One line for the screen, e.g. "Set 2 of 3 · 4 of 10 reps". */
	status: string;
}

export interface PlanUpdate {
	/** What to say, in order. */
	say: string[];
	/** A new set began: reset the Coach's counters now. */
	newSet: boolean;
}

const NOTHING: PlanUpdate = Object.freeze({ say: [], newSet: false }) as PlanUpdate;

const positiveInt = (v: number | undefined, fallback: number): number =>
	v !== undefined && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;

const mean = (xs: readonly number[]): number | null =>
	xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The plan kind of a camera-checked definition. */
export function planKind(def: ExerciseDefinition): PlanKind {
	if (def.rep || def.repByView || def.kind === 'rep') return 'reps';
	return def.hold?.sides || def.kind === 'side-hold' ? 'side-holds' : 'holds';
}

interface SetState {
	reps: number;
	holds: number;
	bySide: Record<Side, number>;
	scores: number[];
	startedAt: number | null;
	endedAt: number | null;
}

const freshSet = (): SetState => ({
	reps: 0,
	holds: 0,
	bySide: { left: 0, right: 0 },
	scores: [],
	startedAt: null,
	endedAt: null
});

export class SetPlan {
	readonly kind: PlanKind;
	readonly sets: number;
	/** Reps or holds (per side) per set; null when open-ended. */
	readonly target: number | null;
	readonly restSeconds: number;
	readonly #words: Announcements;

	#phase: PlanPhase = 'work';
	#done: SetState[] = [];
	#current: SetState = freshSet();
	#restEndsAt: number | null = null;
	#readySaid = false;
	#side: Side = 'left';
	#sideSeconds: Record<Side, number> = { left: 0, right: 0 };
	#sideScores: Record<Side, number[]> = { left: [], right: [] };
	#lastCoachT: number | null = null;

	constructor(def: ExerciseDefinition, options: SetPlanOptions = {}) {
		this.kind = planKind(def);
		this.sets = positiveInt(options.sets, Math.max(1, def.dose.sets));
		if (this.kind === 'reps') {
			const reps = options.reps === undefined ? def.dose.reps : options.reps;
			this.target = reps === null || reps === undefined ? null : positiveInt(reps, 1);
		} else {
			this.target = positiveInt(options.holds, Math.max(1, def.hold?.count ?? 1));
		}
		const rest = this.kind === 'reps' ? REST_AFTER_REPS_SECONDS : REST_AFTER_HOLDS_SECONDS;
		this.restSeconds =
			options.restSeconds !== undefined && options.restSeconds >= 0 ? options.restSeconds : rest;
		this.#words = options.words ?? ANNOUNCEMENTS_EN;
	}

	get phase(): PlanPhase {
		return this.#phase;
	}

	/** Feed every CoachState, in order, with the wall clock (s). */
	observe(state: CoachState, nowS: number): PlanUpdate {
		const dt = this.#coachStep(state.t);
		if (this.#phase !== 'work') return NOTHING;
		const set = this.#current;
		set.startedAt ??= nowS;
		if (
			this.kind === 'side-holds' &&
			state.side &&
			state.phase === 'active' &&
			!state.setup?.blocking
		) {
			this.#sideSeconds[state.side] += dt;
		}
		const say: string[] = [];
		for (const e of state.events) {
			if (e.type === 'rep' && this.kind === 'reps') {
				set.reps += 1;
				set.scores.push(e.score);
			} else if (e.type === 'hold-complete' && this.kind !== 'reps') {
				set.holds += 1;
				const score = state.lastRepScore;
				if (score !== null && Number.isFinite(score)) set.scores.push(score);
				if (this.kind === 'side-holds') {
					const side = e.side ?? this.#side;
					set.bySide[side] += 1;
					if (score !== null && Number.isFinite(score)) this.#sideScores[side].push(score);
					const next = this.#expectedSide();
					if (!this.#setComplete()) {
						say.push(this.#words.nextSide(next, next === side));
					}
					this.#side = next;
				}
			}
		}
		if (this.#setComplete()) return { say: [...say, ...this.#endSet(nowS)], newSet: false };
		return { say, newSet: false };
	}

	/** Advances the rest timer (call it a few times a second). */
	tick(nowS: number): PlanUpdate {
		if (this.#phase !== 'rest' || this.#restEndsAt === null) return NOTHING;
		const left = this.#restEndsAt - nowS;
		if (left <= 0) return this.#startNextSet();
		if (
			!this.#readySaid &&
			left <= READY_WARNING_SECONDS &&
			this.restSeconds > 2 * READY_WARNING_SECONDS
		) {
			this.#readySaid = true;
			return { say: [this.#words.getReady], newSet: false };
		}
		return NOTHING;
	}

	/** Ends the rest now and starts the next set. */
	skipRest(): PlanUpdate {
		return this.#phase === 'rest' ? this.#startNextSet() : NOTHING;
	}

	/** Back to set 1 with nothing counted. */
	reset(): void {
		this.#phase = 'work';
		this.#done = [];
		this.#current = freshSet();
		this.#restEndsAt = null;
		this.#readySaid = false;
		this.#side = 'left';
		this.#sideSeconds = { left: 0, right: 0 };
		this.#sideScores = { left: [], right: [] };
		this.#lastCoachT = null;
	}

	snapshot(nowS: number): PlanSnapshot {
		const set = this.#current;
		const per = this.kind === 'side-holds';
		const done =
			this.kind === 'reps'
				? set.reps
				: per
					? Math.min(set.bySide.left, set.bySide.right)
					: set.holds;
		const restRemaining =
			this.#phase === 'rest' && this.#restEndsAt !== null
				? Math.max(0, this.#restEndsAt - nowS)
				: 0;
		const setNo = Math.min(this.sets, this.#done.length + (this.#phase === 'done' ? 0 : 1));
		return {
			kind: this.kind,
			phase: this.#phase,
			set: Math.max(1, setNo),
			sets: this.sets,
			target: this.target,
			done,
			bySide: { ...set.bySide },
			side: per && this.#phase === 'work' ? this.#side : null,
			restSeconds: this.restSeconds,
			restRemaining,
			status: this.#status(done, restRemaining)
		};
	}

	summary(nowS: number): PlanSummary {
		const records = this.#done.map((s, i) => this.#record(s, i + 1, true, nowS));
		const cur = this.#current;
		if (this.#phase !== 'done' && (cur.reps > 0 || cur.holds > 0)) {
			records.push(this.#record(cur, this.#done.length + 1, false, nowS));
		}
		const scores = records.flatMap((r) => r.scores);
		const score = mean(scores);
		let sides: Record<Side, SideSummary> | null = null;
		let asymmetry: Asymmetry | null = null;
		if (this.kind === 'side-holds') {
			const side = (s: Side): SideSummary => {
				const m = mean(this.#sideScores[s]);
				return {
					holds: records.reduce((a, r) => a + r.holdsBySide[s], 0),
					heldSeconds: this.#sideSeconds[s],
					meanScore: m === null ? null : Math.round(m)
				};
			};
			sides = { left: side('left'), right: side('right') };
			asymmetry = asymmetryOf(sides);
		}
		return {
			kind: this.kind,
			sets: records,
			totalReps: records.reduce((a, r) => a + r.reps, 0),
			totalHolds: records.reduce((a, r) => a + r.holds, 0),
			meanScore: score === null ? null : Math.round(score),
			sides,
			asymmetry,
			complete: this.#phase === 'done'
		};
	}

	// ---- internals ----

	/** Coach seconds since the previous state, clamped; 0 after a Coach reset (time went back). */
	#coachStep(t: number): number {
		const prev = this.#lastCoachT;
		this.#lastCoachT = Number.isFinite(t) ? t : prev;
		// Clamped as the Coach clamps its own hold clock (time-step.ts).
		return Number.isFinite(t) ? creditedStep(prev, t) : 0;
	}

	/** Per-side holds: alternate, starting left, until each side has its count. */
	#expectedSide(): Side {
		const { left, right } = this.#current.bySide;
		const target = this.target ?? 1;
		if (left >= target) return 'right';
		if (right >= target) return 'left';
		return left <= right ? 'left' : 'right';
	}

	#setComplete(): boolean {
		const t = this.target;
		if (t === null) return false;
		const s = this.#current;
		if (this.kind === 'reps') return s.reps >= t;
		if (this.kind === 'side-holds') return s.bySide.left >= t && s.bySide.right >= t;
		return s.holds >= t;
	}

	#endSet(nowS: number): string[] {
		this.#current.endedAt = nowS;
		this.#done.push(this.#current);
		const n = this.#done.length;
		if (n >= this.sets) {
			this.#phase = 'done';
			return [this.#words.allSetsDone(this.sets)];
		}
		this.#current = freshSet();
		this.#side = 'left';
		if (this.restSeconds <= 0) {
			return [this.#words.setDone(n), ...this.#startNextSet().say];
		}
		this.#phase = 'rest';
		this.#restEndsAt = nowS + this.restSeconds;
		this.#readySaid = false;
		return [this.#words.setDoneRest(n, this.restSeconds)];
	}

	#startNextSet(): PlanUpdate {
		this.#phase = 'work';
		this.#restEndsAt = null;
		this.#lastCoachT = null;
		const n = this.#done.length + 1;
		return { say: [this.#words.setGo(n, this.sets, this.kind === 'side-holds')], newSet: true };
	}

	#record(s: SetState, set: number, complete: boolean, nowS: number): SetRecord {
		const end = s.endedAt ?? nowS;
		return {
			set,
			reps: s.reps,
			holds: s.holds,
			holdsBySide: { ...s.bySide },
			scores: [...s.scores],
			seconds: s.startedAt === null ? 0 : Math.max(0, end - s.startedAt),
			complete
		};
	}

	#status(done: number, restRemaining: number): string {
		const setPart =
			this.sets > 1 ? `Set ${Math.min(this.sets, this.#done.length + 1)} of ${this.sets}` : '';
		if (this.#phase === 'done') {
			return this.sets > 1 ? `All ${this.sets} sets done` : 'Done';
		}
		if (this.#phase === 'rest') {
			return `Rest ${Math.ceil(restRemaining)} s, then ${setPart.toLowerCase()}`;
		}
		const unit = this.kind === 'reps' ? 'rep' : 'hold';
		const count =
			this.target === null
				? plural(done, unit)
				: `${done} of ${plural(this.target, unit)}${this.kind === 'side-holds' ? ' each side' : ''}`;
		const side = this.kind === 'side-holds' ? ` · ${capitalise(this.#side)} side now` : '';
		return [setPart, count].filter(Boolean).join(' · ') + side;
	}
}

/** Asymmetry between the sides' hold times and scores. */
export function asymmetryOf(sides: Record<Side, SideSummary>): Asymmetry {
	const l = sides.left.heldSeconds;
	const r = sides.right.heldSeconds;
	const most = Math.max(l, r);
	const heldShare = most > 0 ? Math.abs(l - r) / most : null;
	const ls = sides.left.meanScore;
	const rs = sides.right.meanScore;
	const scoreDiff = ls !== null && rs !== null ? ls - rs : null;
	let weaker: Side | null = null;
	if (heldShare !== null && heldShare >= EVEN_SHARE) weaker = l < r ? 'left' : 'right';
	else if (scoreDiff !== null && Math.abs(scoreDiff) >= EVEN_POINTS)
		weaker = scoreDiff < 0 ? 'left' : 'right';
	return { heldShare, scoreDiff, weaker };
}

/**
 * Differences below these read as even: 10 % of a 20 s hold is 2 s, about how long it takes to
 * settle into a stretch; 10 points is one form fault held for a fifth of the hold.
 */
export const EVEN_SHARE = 0.1;
export const EVEN_POINTS = 10;

/** One sentence on the asymmetry, e.g. "Your right side held 25% less time than your left." */
export function asymmetryText(a: Asymmetry | null): string | null {
	if (!a || (a.heldShare === null && a.scoreDiff === null)) return null;
	if (a.weaker === null) return 'Both sides were about even.';
	const strong = other(a.weaker);
	if (a.heldShare !== null && a.heldShare >= EVEN_SHARE) {
		return `Your ${a.weaker} side held ${Math.round(a.heldShare * 100)}% less time than your ${strong}.`;
	}
	const diff = Math.abs(a.scoreDiff ?? 0);
	return `Your ${a.weaker} side scored ${Math.round(diff)} points lower than your ${strong}.`;
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
