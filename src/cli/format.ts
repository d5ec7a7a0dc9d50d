/** Human-readable output of the command-line analyser: short summaries and tables. */
import type { ExerciseReport } from '../lib/analysis/exercise-report';
import type { CatalogEntry } from '../lib/analysis/catalog';
import type { ExerciseDefinition } from '../lib/engine/types';
import { postureSegments, type PostureReport } from '../lib/analysis/posture';
import { POSTURE_STATES } from '../lib/posture/types';
import { nudgeAfterText, samplingSummary, STATE_LABEL, STATE_MEANING } from '../lib/posture/text';
import type { LoadedInput } from '../lib/analysis/node/input';
import path from 'node:path';

const s1 = (v: number) => v.toFixed(1);
const s2 = (v: number) => v.toFixed(2);

/** Left-aligned columns separated by two spaces; the header is underlined with dashes. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One line on what was analysed: the file, its size and length, the model and its speed. */
export function describeInput(input: LoadedInput): string {
	const name = path.basename(input.file);
	const people = input.frames.filter((f) => f.body !== null).length;
	const base = `${name}: ${input.kind === 'video' ? 'video' : 'pose trace'} ${input.width}×${input.height}, ${s1(input.duration)} s, ${input.frames.length} frames (person in ${people})`;
	if (input.kind === 'video' && input.video) {
		const v = input.video;
		const fps = v.seconds > 0 ? input.frames.length / v.seconds : 0;
		return `${base}; ${input.model} at ${s1(fps)} frames/s (decoded at ${v.decoded.width}×${v.decoded.height})`;
	}
	return `${base}; keypoints from ${input.model}`;
}

export function formatExercise(
	report: ExerciseReport,
	def: ExerciseDefinition,
	input: LoadedInput
): string {
	const out = [`${def.name} (${report.exercise})`, describeInput(input), ''];
	const counts = def.rep || def.repByView ? 'reps' : 'holds';
	if (counts === 'reps') {
		out.push(`Reps: ${report.reps}`);
		if (report.reps > 0) {
			out.push(
				table(
					['rep', 'done at (s)'],
					report.repTimes.map((t, i) => [String(i + 1), s2(t)])
				)
			);
		}
	} else {
		out.push(`Holds: ${report.holds.length} (${s1(report.heldSeconds)} s held in all)`);
		if (report.holds.length > 0) {
			out.push(
				table(
					['hold', 'side', 'seconds'],
					report.holds.map((h, i) => [String(i + 1), h.side ?? '-', s1(h.seconds)])
				)
			);
		}
	}
	out.push('', `Form score: ${report.formScore === null ? '-' : `${report.formScore}/100`}`);
	if (report.cues.length > 0) {
		out.push('', `Cues: ${report.cues.length}`);
		out.push(
			table(
				['at (s)', 'cue', 'text'],
				report.cues.map((c) => [s2(c.t), c.id, c.text])
			)
		);
	} else {
		out.push('Cues: none');
	}
	if (report.notCounted.length > 0) {
		out.push('', `Why nothing counted: ${report.notCounted.length}`);
		out.push(
			table(
				['at (s)', 'reason', 'text'],
				report.notCounted.map((n) => [s2(n.t), n.reason, n.text])
			)
		);
	}
	return out.join('\n');
}

export function formatPosture(report: PostureReport, input: LoadedInput): string {
	const c = report.calibration;
	const base = Object.entries(c.baseline)
		.map(([k, v]) => `${k} ${s2(v)}`)
		.join(', ');
	const out = [
		'Sitting posture',
		describeInput(input),
		`Calibrated on ${s1(c.start)}–${s1(c.end)} s (${c.frames} frames, ${report.view} view): ${base}`,
		''
	];
	const segs = postureSegments(report.frames);
	out.push(
		table(
			['from (s)', 'to (s)', 'state'],
			// In the page's words (src/lib/posture/text.ts), so the two agree.
			segs.map((g) => [s1(g.start), s1(g.end), STATE_LABEL[g.state]])
		)
	);
	const by = report.secondsByState;
	out.push(
		'',
		POSTURE_STATES.map((st) => `${STATE_LABEL[st]} ${s1(by[st])} s`).join(' · '),
		'',
		...POSTURE_STATES.map((st) => `${STATE_LABEL[st]}: ${STATE_MEANING[st]}.`),
		`Every frame is judged here; live, work mode checks ${samplingSummary()}.`,
		`Nudges to sit up (${nudgeAfterText(report.graceSeconds)}, as live): ${
			report.nudges.length === 0 ? 'none' : report.nudges.map((t) => `${s1(t)} s`).join(', ')
		}`
	);
	return out.join('\n');
}

export function formatCatalog(entries: readonly CatalogEntry[]): string {
	return table(
		['id', 'name', 'kind', 'view', 'camera-checked'],
		entries.map((e) => [e.id, e.name, e.kind, e.view, e.cameraChecked ? 'yes' : 'no (timer)'])
	);
}
