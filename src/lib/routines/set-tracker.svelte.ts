/**
 * A {@link SetPlan} following a live workout session: every coach state goes into the plan, the
 * rest timer ticks on the wall clock, prompts are spoken through the session, and a new set
 * resets the coach's counts (so the coach panel reads "reps in this set"). The snapshot is
 * `$state.raw`, replaced on each change. Counting pauses while resting (a rep made then is not
 * counted), and when the last set is done the session stops: the camera turns off and the
 * workout is saved as finished. Used by the single-exercise page and the routine player.
 */
import {
	asymmetryText,
	SetPlan,
	type PlanSnapshot,
	type PlanSummary,
	type PlanUpdate,
	type SetPlanOptions
} from '$lib/engine/set-plan';
import type { ExerciseDefinition } from '$lib/engine/types';
import type { CountingSession } from '$lib/session/types';

export interface SetTrackerDeps {
	/** Milliseconds, monotonic. */
	now?: () => number;
	setInterval?: (fn: () => void, ms: number) => unknown;
	clearInterval?: (handle: unknown) => void;
}

/** Rest countdown refresh (ms). */
const TICK_MS = 250;

export class SetTracker {
	readonly plan: SetPlan;
	snapshot: PlanSnapshot = $state.raw() as PlanSnapshot;

	#session: CountingSession;
	#deps: Required<SetTrackerDeps>;
	#unsubscribe: () => void;
	#unsubscribeReset: () => void;
	#handle: unknown;

	constructor(
		session: CountingSession,
		def: ExerciseDefinition,
		options: SetPlanOptions = {},
		deps: SetTrackerDeps = {}
	) {
		this.#session = session;
		this.#deps = {
			now: () => performance.now(),
			setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
			clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
			...deps
		};
		this.plan = new SetPlan(def, options);
		this.snapshot = this.plan.snapshot(this.#nowS());
		session.setCounting(true);
		this.#unsubscribe = session.onState((state) =>
			this.#apply(this.plan.observe(state, this.#nowS()))
		);
		this.#unsubscribeReset = session.onCountsReset?.(() => this.reset()) ?? (() => {});
		this.#handle = this.#deps.setInterval(() => this.tick(), TICK_MS);
	}

	get finished(): boolean {
		return this.snapshot.phase === 'done';
	}

	/** Advances the rest timer (the interval calls this; tests may too). */
	tick(): void {
		this.#apply(this.plan.tick(this.#nowS()));
	}

	skipRest(): void {
		this.#apply(this.plan.skipRest());
	}

	/** Set 1 again, nothing counted (with the session's own "Start over"). */
	reset(): void {
		this.plan.reset();
		this.snapshot = this.plan.snapshot(this.#nowS());
		this.#session.setCounting(true);
	}

	summary(): PlanSummary {
		return this.plan.summary(this.#nowS());
	}

	/** The asymmetry between sides as a sentence, or null. */
	asymmetry(): string | null {
		return asymmetryText(this.summary().asymmetry);
	}

	dispose(): void {
		this.#unsubscribe();
		this.#unsubscribeReset();
		this.#deps.clearInterval(this.#handle);
	}

	#apply(update: PlanUpdate): void {
		if (update.newSet) this.#session.resetCoach();
		for (const text of update.say) this.#session.say(text);
		const next = this.plan.snapshot(this.#nowS());
		const wasDone = this.snapshot.phase === 'done';
		if (!sameSnapshot(next, this.snapshot)) this.snapshot = next;
		this.#session.setCounting(next.phase === 'work');
		if (next.phase === 'done' && !wasDone) this.#session.stop();
	}

	#nowS(): number {
		return this.#deps.now() / 1000;
	}
}

/** Equal for display: the rest countdown is compared in whole seconds. */
function sameSnapshot(a: PlanSnapshot, b: PlanSnapshot): boolean {
	return (
		a.phase === b.phase &&
		a.set === b.set &&
		a.done === b.done &&
		a.side === b.side &&
		a.bySide.left === b.bySide.left &&
		a.bySide.right === b.bySide.right &&
		Math.ceil(a.restRemaining) === Math.ceil(b.restRemaining) &&
		a.status === b.status
	);
}
