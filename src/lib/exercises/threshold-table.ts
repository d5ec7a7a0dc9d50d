/**
 * Every threshold of the exercise definitions as one table per exercise, in words a
 * physiotherapist can read: which part of the move it judges, the measure, the value, its unit
 * and, for distances, its size on an adult. docs/exercise-thresholds.md is this module's output
 * (scripts/exercise-thresholds.ts writes it; a unit test checks that the committed file is
 * current). The reason for each value is in the comment beside it in the definition.
 */
import { HOLD_MIN_SHARE } from '../engine/coach';
import type { Comparison, Condition, ExerciseDefinition, RepSpec } from '../engine/types';
import {
	METRIC_UNIT,
	baseMetricOf,
	metricUnitInWords,
	type BaseMetricName,
	type MetricName,
	type MetricUnit
} from '../metrics/body-metrics';

export interface ThresholdRow {
	/** The part of the move it judges, e.g. "Rep starts", "Rule `shrug` fault". */
	part: string;
	metric: MetricName;
	/** The comparison, e.g. "< −0.07", "between −20 and 40". */
	threshold: string;
	/** The metric's unit in words (body-metrics.ts `metricUnitInWords`). */
	unit: string;
	/** The distance on an adult for thresholds in a body length ("≈ 4 cm"), else empty. */
	onAnAdult: string;
}

/**
 * Each unit's size on an adult of 1.70–1.75 m, cm, from standard body proportions (share of
 * standing height): torso 0.29, upper arm 0.19, upper arm and forearm 0.33, the ears ≈ 14 cm
 * apart. A ratio's unit is its denominator (RATIO_OF), so a change in it is a change of the
 * numerator in that yardstick.
 */
const ADULT_CM: Readonly<Partial<Record<MetricUnit | BaseMetricName, number>>> = {
	scale: 50,
	armLength: 58,
	earWidth: 14,
	shoulderSpan: 14,
	shoulderWidthRatio: 50,
	shoulderWidthToArm: 32,
	// A change of a log width is the share it changed: × a 40 cm adult shoulder width.
	shoulderWidthLog: 40
};

/** A number as written for people: a real minus sign, no trailing zeros. */
const num = (v: number): string => (v < 0 ? `−${-v}` : `${v}`);

function describe(c: Comparison): string {
	if (c.op === 'between' || c.op === 'outside') {
		const [lo, hi] = c.value as readonly [number, number];
		return c.op === 'between'
			? `between ${num(lo)} and ${num(hi)}`
			: `outside ${num(lo)} to ${num(hi)}`;
	}
	return `${c.op} ${num(c.value as number)}`;
}

function onAnAdult(metric: MetricName, values: readonly number[]): string {
	const base = baseMetricOf(metric);
	const unit = METRIC_UNIT[base];
	const cm = ADULT_CM[unit === 'ratio' ? base : unit];
	if (cm === undefined) return '';
	// Rounded half away from zero, so −0.15 and 0.15 torso lengths both read 8 cm.
	return values.map((v) => `≈ ${num(Math.sign(v) * Math.round(Math.abs(v) * cm))} cm`).join(' / ');
}

function row(
	part: string,
	metric: MetricName,
	threshold: string,
	values: readonly number[]
): ThresholdRow {
	return {
		part,
		metric,
		threshold,
		unit: metricUnitInWords(metric) ?? 'ratio (of what: not said)',
		onAnAdult: onAnAdult(metric, values)
	};
}

/** One row per comparison in `cond`; `any` branches and `not` are named in the part. */
function conditionRows(cond: Condition, part: string): ThresholdRow[] {
	if ('all' in cond) return cond.all.flatMap((c) => conditionRows(c, part));
	if ('any' in cond)
		return cond.any.flatMap((c, i) =>
			conditionRows(c, `${part}, case ${i + 1} of ${cond.any.length}`)
		);
	if ('not' in cond) return conditionRows(cond.not, `${part}, must NOT hold`);
	const values = typeof cond.value === 'number' ? [cond.value] : [...cond.value];
	return [row(part, cond.metric, describe(cond), values)];
}

function repRows(rep: RepSpec, prefix: string): ThresholdRow[] {
	const past = rep.direction === 'up' ? '>' : '<';
	const back = rep.direction === 'up' ? '<' : '>';
	const rows = [
		row(`${prefix}starts`, rep.metric, `${past} ${num(rep.enter)}`, [rep.enter]),
		row(`${prefix}ends`, rep.metric, `${back} ${num(rep.exit)}`, [rep.exit])
	];
	if (rep.stiffEnter !== undefined)
		rows.push(
			row(
				`${prefix}counts for a stiff person whose own reps reach`,
				rep.metric,
				`${past} ${num(rep.stiffEnter)}`,
				[rep.stiffEnter]
			)
		);
	if (rep.holdMean !== undefined)
		rows.push(
			row(
				`${prefix}counts when its mean over the hold is`,
				rep.metric,
				`${past} ${num(rep.holdMean)}`,
				[rep.holdMean]
			)
		);
	if (rep.holdStill !== undefined && rep.holdSeconds !== undefined)
		rows.push({
			part: `${prefix}counts only when held still, for ${num(HOLD_MIN_SHARE * rep.holdSeconds)} s in one stretch, within`,
			metric: rep.metric,
			threshold: `${num(rep.holdStill)} of the rep’s depth of its deepest`,
			unit: 'share of the rep’s depth (from rest to its deepest)',
			onAnAdult: ''
		});
	if (rep.shape?.start) rows.push(...conditionRows(rep.shape.start, `${prefix}starts only from`));
	if (rep.shape?.during)
		rows.push(...conditionRows(rep.shape.during, `${prefix}shape, held most of the rep`));
	return rows;
}

/** Every threshold of one definition, in the order the definition gives them. */
export function thresholdRows(def: ExerciseDefinition): ThresholdRow[] {
	const rows: ThresholdRow[] = [];
	if (def.rep) rows.push(...repRows(def.rep, 'Rep '));
	for (const [view, rep] of Object.entries(def.repByView ?? {}))
		if (rep) rows.push(...repRows(rep, `Rep seen from the ${view}: `));
	if (def.hold?.condition) rows.push(...conditionRows(def.hold.condition, 'In the hold position'));
	if (def.hold?.sides) {
		rows.push(...conditionRows(def.hold.sides.left, 'In the hold position, left side'));
		rows.push(...conditionRows(def.hold.sides.right, 'In the hold position, right side'));
	}
	for (const rule of def.rules) {
		const lasting = rule.minSeconds ? `, lasting ${rule.minSeconds} s` : '';
		const clock =
			rule.pausesHold === false && def.hold ? ' (cued and scored; the hold runs on)' : '';
		rows.push(...conditionRows(rule.fault, `Rule \`${rule.id}\` fault${lasting}${clock}`));
	}
	return rows;
}

const cell = (s: string): string => s.replaceAll('|', '\\|');

/** The whole document (markdown) for the catalog `defs`. */
export function thresholdDocument(defs: readonly ExerciseDefinition[]): string {
	const out = [
		'# Exercise thresholds',
		'',
		'Generated from `src/lib/exercises/*.ts` by `npx tsx scripts/exercise-thresholds.ts`; do not edit by',
		'hand (a unit test fails when this file is out of date). The reason for each value is in the',
		'comment beside it in the definition.',
		'',
		'How to read it. A measure ending in `Delta` is the change from the person’s own rest position,',
		'measured as the exercise starts. Angles are in degrees. Distances are in lengths of the',
		'body itself, so they hold at any distance from the camera: a torso length is mid-shoulder to',
		'mid-hip (from the front it is taken as 1.3 shoulder widths, the typical adult proportion);',
		'an arm length is shoulder to elbow to wrist; an ear width is the distance between the ears',
		'seen from the front. A ratio says what it divides by what. “On an adult” gives the size for',
		'someone 1.70–1.75 m tall (torso ≈ 50 cm, upper arm ≈ 32 cm, whole arm ≈ 58 cm, ears ≈ 14 cm',
		'apart); for a ratio it is the change of its first term in its second’s length. “Rep starts”',
		'and “Rep ends” are two thresholds on purpose: the gap between them keeps a jittery reading',
		'from counting twice.',
		''
	];
	const timers: string[] = [];
	for (const def of defs) {
		if (!def.cameraChecked) {
			timers.push(def.name);
			continue;
		}
		out.push(`## ${def.name} (\`${def.id}\`)`, '');
		out.push('| Part of the move | Measure | Threshold | Unit | On an adult |');
		out.push('| --- | --- | --- | --- | --- |');
		for (const r of thresholdRows(def))
			out.push(
				`| ${cell(r.part)} | \`${r.metric}\` | ${cell(r.threshold)} | ${cell(r.unit)} | ${r.onAnAdult} |`
			);
		out.push('');
	}
	out.push('## Guided timers (no thresholds: the camera does not judge them)', '');
	for (const name of timers) out.push(`- ${name}`);
	out.push('');
	return out.join('\n');
}
