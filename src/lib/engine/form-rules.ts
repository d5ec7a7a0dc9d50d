/**
 * Tracks form rules over time: a fault must persist for the rule's `minSeconds` before it counts
 * (single-frame keypoint noise is not a fault), and the time each rule spent failing within the
 * current rep or hold is kept for that rep's score.
 */
import { evaluate, type Facts } from './conditions';
import type { FormRule } from './types';
import { creditedStep } from './time-step';

/** Default seconds a fault must persist before it counts. */
export const DEFAULT_FAULT_SECONDS = 0.4;
/** Default points off a rep's score for a fault that lasted the whole rep. */
export const DEFAULT_PENALTY = 30;

export class FormRuleTracker {
	readonly #rules: readonly FormRule[];
	#since = new Map<string, number>();
	#failTime = new Map<string, number>();
	#lastT: number | null = null;

	constructor(rules: readonly FormRule[]) {
		this.#rules = rules;
	}

	/**
	 * Judges the rules that apply in `phase` on this frame's facts. Returns the failing rules,
	 * highest priority first.
	 */
	update(facts: Facts, phase: 'rest' | 'active', t: number): FormRule[] {
		const dt = creditedStep(this.#lastT, t);
		this.#lastT = t;
		const failing: FormRule[] = [];
		for (const rule of this.#rules) {
			const applies = rule.during === 'always' || rule.during === phase;
			const fault = applies && evaluate(rule.fault, facts) === true;
			if (!fault) {
				this.#since.delete(rule.id);
				continue;
			}
			const since = this.#since.get(rule.id) ?? t;
			this.#since.set(rule.id, since);
			if (t - since >= (rule.minSeconds ?? DEFAULT_FAULT_SECONDS)) {
				failing.push(rule);
				this.#failTime.set(rule.id, (this.#failTime.get(rule.id) ?? 0) + dt);
			}
		}
		return failing.sort((a, b) => b.priority - a.priority);
	}

	/** Score 0–100 for the rep/hold that lasted `seconds`, then starts a new one. */
	takeScore(seconds: number): number {
		let score = 100;
		if (seconds > 0) {
			for (const rule of this.#rules) {
				const share = Math.min(1, (this.#failTime.get(rule.id) ?? 0) / seconds);
				score -= (rule.penalty ?? DEFAULT_PENALTY) * share;
			}
		}
		this.#failTime.clear();
		return Math.round(Math.min(100, Math.max(0, score)));
	}

	/** Seconds each rule has failed since the last score (for summaries). */
	failSeconds(id: string): number {
		return this.#failTime.get(id) ?? 0;
	}

	reset(): void {
		this.#since.clear();
		this.#failTime.clear();
		this.#lastT = null;
	}
}
