/**
 * Words for an exercise definition's data: its dose, its camera view and its kind. Presentation
 * only; the definitions themselves live in `$lib/exercises`.
 */
import type { ExerciseDefinition, ViewRequirement } from '$lib/engine/types';

const VIEW_TEXT: Record<ViewRequirement, { short: string; long: string }> = {
	front: { short: 'Face the camera', long: 'Face the camera, upper body in view.' },
	side: {
		short: 'Side-on to the camera',
		long: 'Turn sideways so the camera sees your profile, upper body in view.'
	},
	either: { short: 'Front or side view', long: 'Face the camera or turn sideways.' }
};

export function viewText(view: ViewRequirement): { short: string; long: string } {
	return VIEW_TEXT[view];
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** "45 s", "2 min", "90 s": whole minutes read better as minutes. */
export function durationText(seconds: number): string {
	return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** The dose as a short line, e.g. "2 sets × 10 reps, hold 5 s" or "3 × 20 s hold, each side". */
export function doseText(def: ExerciseDefinition): string {
	const d = def.dose;
	const parts: string[] = [];
	const sets = d.sets > 1 ? `${d.sets} × ` : '';
	if (def.kind === 'rep') {
		parts.push(
			d.reps
				? `${d.sets > 1 ? plural(d.sets, 'set') + ' × ' : ''}${plural(d.reps, 'rep')}`
				: 'Reps at your pace'
		);
		const hold = d.holdSeconds ?? def.rep?.holdSeconds;
		if (hold) parts.push(`hold ${hold} s each`);
	} else if (def.kind === 'timed') {
		parts.push(`${sets}${durationText(d.holdSeconds ?? def.hold?.seconds ?? 30)}`);
	} else {
		const secs = d.holdSeconds ?? def.hold?.seconds;
		const times = (def.hold?.count ?? 1) * Math.max(1, d.sets);
		parts.push(secs ? `${times > 1 ? `${times} × ` : ''}${durationText(secs)} hold` : 'Hold');
	}
	if (d.perSide || def.kind === 'side-hold') parts.push('each side');
	return parts.join(', ');
}

export function kindText(def: ExerciseDefinition): string {
	switch (def.kind) {
		case 'rep':
			return def.rep?.holdSeconds ? 'Reps with a hold' : 'Reps';
		case 'hold':
			return 'Hold';
		case 'side-hold':
			return 'Hold, each side';
		case 'timed':
			return 'Timed';
	}
}

/** How many reps or holds make the set, for "3 / 10" counters; null when open-ended. */
export function targetCount(def: ExerciseDefinition): number | null {
	if (def.kind === 'rep') return def.dose.reps ?? null;
	return def.hold?.count ?? null;
}

export interface ExerciseGroup {
	id: 'moving' | 'holds' | 'timers';
	title: string;
	blurb: string;
	exercises: ExerciseDefinition[];
}

/**
 * The catalog in three groups, in the order the sources suggest doing them: moving reps warm up,
 * holds come after; moves the camera cannot judge run as guided timers. Empty groups are left out.
 */
export function groupExercises(list: readonly ExerciseDefinition[]): ExerciseGroup[] {
	const groups: ExerciseGroup[] = [
		{
			id: 'moving',
			title: 'Moving reps',
			blurb: 'Good to warm up with. Scapula counts each rep and scores its form.',
			exercises: list.filter((e) => e.cameraChecked && e.kind === 'rep')
		},
		{
			id: 'holds',
			title: 'Stretches and holds',
			blurb: 'After the warm-up. Scapula times the hold while you are in position.',
			exercises: list.filter((e) => e.cameraChecked && e.kind !== 'rep')
		},
		{
			id: 'timers',
			title: 'Guided timers',
			blurb:
				'Moves a webcam cannot judge honestly, many of them on the floor: Scapula times them, camera off.',
			exercises: list.filter((e) => !e.cameraChecked)
		}
	];
	return groups.filter((g) => g.exercises.length > 0);
}
