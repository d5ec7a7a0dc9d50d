/**
 * Builds and validates an exercise definition once, at import time, so a typo in a metric name
 * or a threshold on the wrong side fails loudly in tests instead of silently never counting.
 */
import { isMetricName } from '../metrics/body-metrics';
import { validateCondition } from './conditions';
import type { ExerciseDefinition, RepSpec } from './types';

function validateRep(rep: RepSpec, where: string): void {
	if (!isMetricName(rep.metric)) throw new Error(`${where}.metric: unknown metric "${rep.metric}"`);
	const ordered = rep.direction === 'up' ? rep.enter > rep.exit : rep.enter < rep.exit;
	if (!ordered) {
		throw new Error(
			`${where}: with direction "${rep.direction}", enter (${rep.enter}) must be ${rep.direction === 'up' ? 'above' : 'below'} exit (${rep.exit}) for hysteresis`
		);
	}
	if (!(rep.minSeconds >= 0)) throw new Error(`${where}.minSeconds must be ≥ 0`);
	if (rep.holdSeconds !== undefined && !(rep.holdSeconds > 0))
		throw new Error(`${where}.holdSeconds must be > 0`);
	if (rep.holdMean !== undefined) {
		if (rep.holdSeconds === undefined) throw new Error(`${where}.holdMean needs holdSeconds`);
		const deeper = rep.direction === 'up' ? rep.holdMean >= rep.exit : rep.holdMean <= rep.exit;
		if (!deeper) throw new Error(`${where}.holdMean must lie past exit (${rep.exit})`);
	}
	if (rep.stiffEnter !== undefined) {
		const inside =
			rep.direction === 'up'
				? rep.stiffEnter > rep.exit && rep.stiffEnter <= rep.enter
				: rep.stiffEnter < rep.exit && rep.stiffEnter >= rep.enter;
		if (!inside) throw new Error(`${where}.stiffEnter must lie between exit and enter`);
	}
	if (rep.shape?.start) validateCondition(rep.shape.start, `${where}.shape.start`);
	if (rep.shape?.during) validateCondition(rep.shape.during, `${where}.shape.during`);
}

export function defineExercise<const D extends ExerciseDefinition>(def: D): D {
	const where = `exercise "${def.id}"`;
	if (!/^[a-z][a-z0-9-]*$/.test(def.id)) throw new Error(`${where}: id must be kebab-case`);
	if (def.instructions.length === 0) throw new Error(`${where}: needs instructions`);
	if (def.cameraChecked) {
		const counts = def.rep || def.repByView || def.hold;
		if (!counts) throw new Error(`${where}: a camera-checked move needs a rep or hold spec`);
		if (def.requires.length === 0) throw new Error(`${where}: list the keypoints it needs`);
	}
	if (def.rep) validateRep(def.rep, `${where}.rep`);
	for (const [view, rep] of Object.entries(def.repByView ?? {})) {
		if (rep) validateRep(rep, `${where}.repByView.${view}`);
	}
	if (def.hold) {
		const h = def.hold;
		if (!(h.seconds > 0) || !(h.count >= 1))
			throw new Error(`${where}.hold: seconds and count must be positive`);
		if (h.condition) validateCondition(h.condition, `${where}.hold.condition`);
		if (h.sides) {
			validateCondition(h.sides.left, `${where}.hold.sides.left`);
			validateCondition(h.sides.right, `${where}.hold.sides.right`);
		}
		if (def.kind === 'side-hold' && !h.sides)
			throw new Error(`${where}: a side hold needs hold.sides`);
	}
	const ids = new Set<string>();
	for (const r of def.rules) {
		if (ids.has(r.id)) throw new Error(`${where}: duplicate rule id "${r.id}"`);
		ids.add(r.id);
		validateCondition(r.fault, `${where}.rules.${r.id}.fault`);
		if (!r.cue.trim()) throw new Error(`${where}.rules.${r.id}: needs a cue`);
	}
	for (const b of def.baseline ?? []) {
		if (!isMetricName(b) || b.endsWith('Delta'))
			throw new Error(`${where}.baseline: bad metric "${b}"`);
	}
	return def;
}
