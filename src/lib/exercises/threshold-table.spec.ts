import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsOf } from '../engine/conditions';
import type { ExerciseDefinition } from '../engine/types';
import {
	BASE_METRICS,
	METRIC_UNIT,
	RATIO_OF,
	metricUnitInWords,
	type MetricName
} from '../metrics/body-metrics';
import { EXERCISES, getExercise } from './index';
import { thresholdDocument, thresholdRows } from './threshold-table';

/** Every metric a definition reads: rep signals, shapes, hold conditions, rules, baselines. */
function metricsUsed(def: ExerciseDefinition): MetricName[] {
	const reps = [def.rep, ...Object.values(def.repByView ?? {})].filter((r) => r !== undefined);
	const conditions = [
		...reps.flatMap((r) => [r.shape?.start, r.shape?.during]),
		def.hold?.condition,
		def.hold?.sides?.left,
		def.hold?.sides?.right,
		...def.rules.map((r) => r.fault)
	].filter((c) => c !== undefined);
	return [...reps.map((r) => r.metric), ...conditions.flatMap(metricsOf), ...(def.baseline ?? [])];
}

describe('units a physiotherapist can read', () => {
	it('names the unit in words of every metric any definition uses', () => {
		const used = new Set(EXERCISES.flatMap(metricsUsed));
		expect(used.size).toBeGreaterThan(30);
		for (const m of used)
			expect(metricUnitInWords(m), m).toMatch(
				/^(degrees|torso lengths|arm lengths|ear widths|ratio: \S.* ÷ \S.*)$/
			);
	});

	it('says what every ratio metric is a ratio of', () => {
		const ratios = BASE_METRICS.filter((m) => METRIC_UNIT[m] === 'ratio');
		expect(ratios.length).toBeGreaterThanOrEqual(3);
		for (const m of ratios) expect(RATIO_OF[m], m).toMatch(/ ÷ /);
		expect(metricUnitInWords('shoulderWidthToArmDelta')).toBe(
			'ratio: shoulder width ÷ upper-arm length (shoulder to elbow)'
		);
	});
});

describe('threshold table', () => {
	it('lists a rep’s thresholds with their unit and size on an adult', () => {
		const rows = thresholdRows(getExercise('shoulder-shrug')!);
		expect(rows[0]).toEqual({
			part: 'Rep starts',
			metric: 'earShoulderGapDelta',
			threshold: '< −0.1',
			unit: 'torso lengths',
			onAnAdult: '≈ −5 cm'
		});
		expect(rows.find((r) => r.part.startsWith('Rule `uneven`'))).toMatchObject({
			threshold: 'outside −6 to 6',
			unit: 'degrees',
			onAnAdult: ''
		});
	});

	it('names the case of each branch of an "any" condition', () => {
		const rows = thresholdRows(getExercise('crossbody-shoulder-stretch')!);
		const hiking = rows.filter((r) => r.part.startsWith('Rule `shoulder-hiking`'));
		const part = 'Rule `shoulder-hiking` fault, lasting 1 s (cued and scored; the hold runs on)';
		expect(hiking.map((r) => r.part)).toEqual([
			`${part}, case 1 of 2`,
			`${part}, case 1 of 2`,
			`${part}, case 2 of 2`,
			`${part}, case 2 of 2`
		]);
	});

	it('has a row for every threshold of every camera-checked move', () => {
		for (const def of EXERCISES.filter((e) => e.cameraChecked)) {
			const rows = thresholdRows(def);
			const reps = [def.rep, ...Object.values(def.repByView ?? {})].filter((r) => r !== undefined);
			// Each rep gives at least enter and exit; each rule at least one comparison.
			expect(rows.length, def.id).toBeGreaterThanOrEqual(2 * reps.length + def.rules.length);
			expect(rows.length, def.id).toBeLessThanOrEqual(40);
		}
	});

	it('is current in docs/exercise-thresholds.md (run `npx tsx scripts/exercise-thresholds.ts`)', () => {
		const committed = readFileSync(
			new URL('../../../docs/exercise-thresholds.md', import.meta.url),
			'utf8'
		);
		expect(committed).toBe(thresholdDocument(EXERCISES));
	});
});
