/**
 * A realistic export file for the history e2e tests: five weeks of workouts (two rep exercises
 * with improving form scores, one hold), posture days, a routine, ending today. Built relative to
 * now, at local midday, so every record lands on the local date meant whatever the time zone.
 */

interface Workout {
	id: string;
	exerciseId: string;
	startedAt: string;
	endedAt: string;
	updatedAt: string;
	reps: number;
	holds: { side: 'left' | 'right' | null; seconds: number }[];
	repScores: number[];
	cues: { t: number; id: string; text: string }[];
	status: 'done';
	routineId?: string;
}

/** Local midday `daysAgo` days before today, plus `minutes`. */
function at(daysAgo: number, minutes = 0): Date {
	const d = new Date();
	d.setHours(12, minutes, 0, 0);
	d.setDate(d.getDate() - daysAgo);
	return d;
}

function localDate(d: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function workout(
	id: string,
	exerciseId: string,
	daysAgo: number,
	minutes: number,
	over: Partial<Workout>
): Workout {
	const start = at(daysAgo, id.length % 30);
	const end = new Date(start.getTime() + minutes * 60_000);
	return {
		id,
		exerciseId,
		startedAt: start.toISOString(),
		endedAt: end.toISOString(),
		updatedAt: end.toISOString(),
		reps: 0,
		holds: [],
		repScores: [],
		cues: [],
		status: 'done',
		...over
	};
}

export function historyFixture() {
	const workouts: Workout[] = [];
	// Overhead reaches on most days of the last five weeks, the last six days in a row.
	for (let d = 34; d >= 0; d--) {
		if (d > 5 && d % 3 === 1) continue;
		const progress = (34 - d) / 34; // 0 → 1 as time goes on
		const reps = 8 + (d % 5);
		const base = 62 + progress * 26;
		workouts.push(
			workout(`reach-${d}`, 'overhead-arm-reach', d, 4 + (d % 3), {
				reps,
				repScores: Array.from({ length: reps }, (_, i) =>
					Math.round(Math.min(100, base + ((i * 7) % 9) - 4))
				),
				cues:
					d % 2 === 0
						? [
								{ t: 12, id: 'bent-elbows', text: 'Straighten your arms' },
								{ t: 40, id: 'bent-elbows', text: 'Straighten your arms' }
							]
						: []
			})
		);
	}
	// Wall angels twice a week.
	for (let d = 33; d >= 0; d -= 4) {
		workouts.push(
			workout(`angels-${d}`, 'wall-angels', d, 3, {
				reps: 10,
				repScores: Array.from({ length: 10 }, (_, i) => 70 + ((i + d) % 4) * 5),
				routineId: d === 1 ? 'desk-break' : undefined
			})
		);
	}
	// Doorway stretch holds every fifth day.
	for (let d = 30; d >= 0; d -= 5) {
		workouts.push(
			workout(`doorway-${d}`, 'doorway-stretch', d, 2, {
				holds: [
					{ side: null, seconds: 30 },
					{ side: null, seconds: 30 },
					{ side: null, seconds: 25.5 }
				]
			})
		);
	}
	for (const w of workouts) if (w.routineId === undefined) delete w.routineId;

	const postureDays = Array.from({ length: 21 }, (_, i) => {
		const d = 20 - i;
		const seated = 3 * 3600 + (d % 4) * 1800;
		const share = 0.4 - (i / 20) * 0.25 + ((d % 3) - 1) * 0.04;
		const slouched = Math.round(seated * share);
		return {
			date: localDate(at(d)),
			seconds: {
				upright: Math.round(seated * (1 - share)),
				slouched,
				away: 1200,
				unknown: 60
			},
			// Mostly the head coming forward, a quarter the shoulders, the rest neither.
			slouchedBy: {
				'forward-head': Math.round(slouched * 0.6),
				'rounded-shoulders': Math.round(slouched * 0.25)
			},
			nudges: Math.round(share * 20)
		};
	}).filter((_, i) => i % 7 !== 3); // a few days without the monitor

	const routineStart = at(1);
	const routines = [
		{
			id: 'routine-1',
			routineId: 'desk-break',
			name: 'Desk break',
			startedAt: routineStart.toISOString(),
			endedAt: new Date(routineStart.getTime() + 8 * 60_000).toISOString(),
			items: [
				{ exerciseId: 'wall-angels', workoutId: 'angels-1', status: 'done' },
				{ exerciseId: 'neck-side-tilt', workoutId: null, status: 'skipped' }
			]
		}
	];

	workouts.sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
	return {
		format: 'scapula-export',
		version: 1,
		exportedAt: new Date().toISOString(),
		workouts,
		routines,
		postureDays,
		settings: []
	};
}

export type HistoryFixture = ReturnType<typeof historyFixture>;
