/**
 * Evaluates declarative conditions (all / any / not over metric comparisons) against one frame's
 * facts. Three-valued: a comparison on a metric that could not be measured is `null` (unknown),
 * so a fault is never raised — and a hold never runs — on keypoints the camera did not see.
 */
import { isMetricName, type MetricName } from '../metrics/body-metrics';
import type { Comparison, Condition } from './types';

export type Facts = Readonly<Partial<Record<MetricName, number | null>>>;
export type Truth = boolean | null;

/**
 * `slack` (metric units, may be negative) moves the threshold so that the comparison is true
 * more easily: `v < 5` with slack 2 is `v < 7`; a `between` range widens, an `outside` one
 * narrows. Zero is the comparison as written.
 */
function compare(c: Comparison, v: number, slack: number): boolean {
	const val = c.value;
	if (typeof val === 'number') {
		switch (c.op) {
			case '<':
				return v < val + slack;
			case '<=':
				return v <= val + slack;
			case '>':
				return v > val - slack;
			case '>=':
				return v >= val - slack;
			default:
				return false;
		}
	}
	const [lo, hi] = val;
	return c.op === 'between' ? v >= lo - slack && v <= hi + slack : v < lo + slack || v > hi - slack;
}

/**
 * Slack per metric for {@link evaluate}: how much easier each comparison is to meet. A hold
 * already under way uses it for hysteresis (entered at the written threshold, kept until the
 * reading is clearly past it).
 */
export type Slack = (metric: MetricName) => number;

/**
 * Evaluates `cond` on one frame's facts. With `slack`, every comparison is loosened by it (a
 * comparison under `not` is tightened instead, so the whole condition is the one loosened).
 */
export function evaluate(cond: Condition, facts: Facts, slack?: Slack, sign = 1): Truth {
	if ('all' in cond) {
		let unknown = false;
		for (const c of cond.all) {
			const r = evaluate(c, facts, slack, sign);
			if (r === false) return false;
			if (r === null) unknown = true;
		}
		return unknown ? null : true;
	}
	if ('any' in cond) {
		let unknown = false;
		for (const c of cond.any) {
			const r = evaluate(c, facts, slack, sign);
			if (r === true) return true;
			if (r === null) unknown = true;
		}
		return unknown ? null : false;
	}
	if ('not' in cond) {
		const r = evaluate(cond.not, facts, slack, -sign);
		return r === null ? null : !r;
	}
	const v = facts[cond.metric];
	if (v === null || v === undefined || !Number.isFinite(v)) return null;
	return compare(cond, v, slack ? sign * slack(cond.metric) : 0);
}

/** Every metric a condition reads. */
export function metricsOf(cond: Condition): MetricName[] {
	if ('all' in cond) return cond.all.flatMap(metricsOf);
	if ('any' in cond) return cond.any.flatMap(metricsOf);
	if ('not' in cond) return metricsOf(cond.not);
	return [cond.metric];
}

/** Throws a clear error naming the first malformed leaf (used when definitions are built). */
export function validateCondition(cond: Condition, where: string): void {
	if ('all' in cond || 'any' in cond) {
		const list = 'all' in cond ? cond.all : cond.any;
		if (!Array.isArray(list) || list.length === 0)
			throw new Error(`${where}: "all"/"any" needs a non-empty list`);
		list.forEach((c, i) => validateCondition(c, `${where}[${i}]`));
		return;
	}
	if ('not' in cond) return validateCondition(cond.not, `${where}.not`);
	if (!isMetricName(cond.metric)) throw new Error(`${where}: unknown metric "${cond.metric}"`);
	const ranged = cond.op === 'between' || cond.op === 'outside';
	const ok = ranged
		? Array.isArray(cond.value) && cond.value.length === 2 && cond.value[0]! <= cond.value[1]!
		: typeof cond.value === 'number' && Number.isFinite(cond.value);
	if (!ok)
		throw new Error(`${where}: value ${JSON.stringify(cond.value)} does not fit "${cond.op}"`);
}
