/**
 * Routine data: presets fit their stated length and put warm-ups first, doses apply to copies
 * of the catalog definitions, durations follow the doses, and custom routines survive storage
 * (and its failures).
 */
import { describe, expect, it } from 'vitest';
import { Coach } from '$lib/engine/coach';
import { SetPlan } from '$lib/engine/set-plan';
import { EXERCISES, getExercise } from '$lib/exercises';
import { timerPlan } from '$lib/session/guided-timer';
import { memoryStorage, type StorageLike } from '$lib/storage/local';
import {
	applyDose,
	CUSTOM_KEY,
	cleanName,
	DESK_BREAK,
	deleteCustomRoutine,
	exerciseSeconds,
	findRoutine,
	itemSeconds,
	loadCustomRoutines,
	MAX_NAME_LENGTH,
	NEXT_SECONDS,
	PRESETS,
	routineMinutesText,
	routineSeconds,
	saveCustomRoutine,
	SHORT_DOSE
} from '.';

const ex = (id: string) => {
	const d = getExercise(id);
	if (!d) throw new Error(id);
	return d;
};

/** The sources' dynamic warm-up moves, plus the other moving reps of the catalog. */
const WARM_UP = new Set(['trunk-rotation', 'overhead-arm-reach', 'shoulder-rolls', 'cat-cow']);
const isStaticHold = (id: string) => {
	const d = ex(id);
	return d.kind === 'hold' || d.kind === 'side-hold';
};

describe('preset routines', () => {
	it.each(PRESETS.map((r) => [r.name, r] as const))(
		'%s uses catalog moves and fits its stated length within 5 %%',
		(_, r) => {
			for (const item of r.items)
				expect(getExercise(item.exerciseId), item.exerciseId).toBeTruthy();
			const target = r.minutes! * 60;
			expect(Math.abs(routineSeconds(r) - target) / target).toBeLessThanOrEqual(0.05);
		}
	);

	it('have the lengths their names promise', () => {
		expect(PRESETS.map((r) => [r.name, r.minutes])).toEqual([
			['Desk break', 3],
			['Morning mobility', 8],
			['Upper-back strength', 12]
		]);
	});

	it.each(PRESETS.map((r) => [r.name, r] as const))(
		'%s starts with a dynamic warm-up and puts every static hold after the warm-ups',
		(_, r) => {
			const ids = r.items.map((i) => i.exerciseId);
			expect(WARM_UP.has(ids[0]!)).toBe(true);
			const lastWarmUp = Math.max(...ids.map((id, i) => (WARM_UP.has(id) ? i : -1)));
			const firstHold = ids.findIndex(isStaticHold);
			expect(firstHold).toBeGreaterThan(lastWarmUp);
		}
	);

	it('the mobility and strength routines warm up with trunk rotation, overhead reach and shoulder rolls', () => {
		for (const id of ['morning-mobility', 'upper-back-strength']) {
			const ids = findRoutine(id, memoryStorage())!.items.map((i) => i.exerciseId);
			expect(ids.slice(0, 3)).toEqual(['trunk-rotation', 'overhead-arm-reach', 'shoulder-rolls']);
		}
	});

	it("the desk break is the sources' desk routine: shoulder rolls, neck flexion, wall stretch", () => {
		expect(DESK_BREAK.items.map((i) => i.exerciseId)).toEqual([
			'shoulder-rolls',
			'neck-flexion-extension',
			'wall-stretch'
		]);
	});
});

describe('applyDose', () => {
	it('returns a copy with the dose, hold length and hold count of the item', () => {
		const wall = ex('wall-stretch');
		const before = JSON.stringify(wall);
		const d = applyDose(wall, { sets: 2, holds: 3, holdSeconds: 12 });
		expect(d.dose).toMatchObject({ sets: 2, holdSeconds: 12 });
		expect(d.hold).toMatchObject({ seconds: 12, count: 3 });
		expect(JSON.stringify(wall)).toBe(before);
		expect(applyDose(wall, undefined)).toBe(wall);
	});

	it('keeps a rep move’s hold (part of its rep rule) and ignores nonsense', () => {
		const squeeze = ex('scapular-squeeze');
		const d = applyDose(squeeze, { reps: 4, holdSeconds: 2, sets: -1 });
		expect(d.dose).toMatchObject({ reps: 4, sets: squeeze.dose.sets, holdSeconds: 5 });
		expect(d.repByView?.side?.holdSeconds).toBe(5);
		expect(d.repByView?.front?.holdSeconds).toBe(5);
		expect(applyDose(squeeze, { reps: NaN }).dose.reps).toBe(squeeze.dose.reps);
	});

	it('is what the set plan, the guided timer and the Coach read', () => {
		const tilt = applyDose(ex('neck-side-tilt'), { holds: 2, holdSeconds: 8 });
		const plan = new SetPlan(tilt);
		expect([plan.kind, plan.target]).toEqual(['side-holds', 2]);
		expect(new Coach(tilt).state.holdTarget).toBe(8);
		const roll = applyDose(ex('upper-back-foam-roll'), { sets: 1, holdSeconds: 20 });
		expect(timerPlan(roll)).toEqual([{ label: 'Hold', seconds: 20 }]);
	});

	it('the short test dose makes every move one quick rep, hold or round', () => {
		for (const def of EXERCISES) {
			const d = applyDose(def, SHORT_DOSE);
			expect(d.dose.sets, def.id).toBe(1);
			if (def.kind === 'rep') expect(d.dose.reps, def.id).toBe(1);
			else if (def.hold) expect(d.hold?.seconds, def.id).toBe(3);
			if (!def.cameraChecked) {
				expect(exerciseSeconds(d), def.id).toBeLessThanOrEqual(3 + 5 + 3);
			}
		}
	});
});

describe('durations', () => {
	it('time a guided timer as its rounds plus the rests between them', () => {
		const roll = ex('upper-back-foam-roll'); // 3 × 30 s
		expect(exerciseSeconds(roll)).toBe(3 * 30 + 2 * 5);
		expect(itemSeconds({ exerciseId: roll.id })).toBe(NEXT_SECONDS + 100);
	});

	it('grow with the dose and count nothing for an unknown id', () => {
		const one = itemSeconds({ exerciseId: 'wall-angels', dose: { sets: 1 } });
		const two = itemSeconds({ exerciseId: 'wall-angels', dose: { sets: 2 } });
		expect(two).toBeGreaterThan(2 * one - 2 * NEXT_SECONDS);
		expect(itemSeconds({ exerciseId: 'nope' })).toBe(0);
	});

	it('are finite and positive for every catalog move at its own dose', () => {
		for (const def of EXERCISES) {
			const s = exerciseSeconds(def);
			expect(Number.isFinite(s) && s > 0, def.id).toBe(true);
		}
	});

	it('read as whole minutes', () => {
		expect(routineMinutesText(DESK_BREAK)).toBe('about 3 min');
		expect(routineMinutesText({ items: [] })).toBe('about 1 min');
	});
});

describe('custom routines', () => {
	it('save, load, replace and delete', () => {
		const storage = memoryStorage();
		expect(loadCustomRoutines(storage)).toEqual([]);
		const a = saveCustomRoutine(storage, {
			name: '  Lunch   stretch ',
			items: [{ exerciseId: 'doorway-stretch' }, { exerciseId: 'shoulder-rolls' }]
		});
		expect(a.id).toMatch(/^custom-/);
		expect(a.name).toBe('Lunch stretch');
		const b = saveCustomRoutine(storage, { name: 'B', items: [{ exerciseId: 'cat-cow' }] });
		expect(loadCustomRoutines(storage).map((r) => r.name)).toEqual(['Lunch stretch', 'B']);
		saveCustomRoutine(storage, { ...a, name: 'Lunch', items: [{ exerciseId: 'neck-roll' }] });
		const all = loadCustomRoutines(storage);
		expect(all.map((r) => r.name)).toEqual(['Lunch', 'B']);
		expect(all[0]!.items).toEqual([{ exerciseId: 'neck-roll' }]);
		expect(findRoutine(b.id, storage)?.name).toBe('B');
		deleteCustomRoutine(storage, a.id);
		expect(loadCustomRoutines(storage).map((r) => r.id)).toEqual([b.id]);
	});

	it('refuse an empty routine and drop moves the catalog no longer has', () => {
		const storage = memoryStorage();
		expect(() => saveCustomRoutine(storage, { name: 'x', items: [] })).toThrow(/at least one/);
		expect(() =>
			saveCustomRoutine(storage, { name: 'x', items: [{ exerciseId: 'gone' }] })
		).toThrow();
		storage.setItem(
			CUSTOM_KEY,
			JSON.stringify([
				{ id: 'custom-1', name: 'Old', items: [{ exerciseId: 'gone' }, { exerciseId: 'cat-cow' }] },
				{ id: 'custom-1', name: 'Duplicate', items: [] },
				{ id: 'desk-break', name: 'Not custom', items: [] },
				{ name: 'No id', items: [] },
				'junk'
			])
		);
		expect(loadCustomRoutines(storage)).toEqual([
			{
				id: 'custom-1',
				name: 'Old',
				blurb: 'Your own routine.',
				items: [{ exerciseId: 'cat-cow' }],
				custom: true
			}
		]);
	});

	it('read corrupt storage as no routines and survive a storage that throws', () => {
		const storage = memoryStorage();
		storage.setItem(CUSTOM_KEY, '{not json');
		expect(loadCustomRoutines(storage)).toEqual([]);
		const broken: StorageLike = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
			removeItem: () => {}
		};
		expect(loadCustomRoutines(broken)).toEqual([]);
		expect(() =>
			saveCustomRoutine(broken, { name: 'x', items: [{ exerciseId: 'cat-cow' }] })
		).not.toThrow();
		expect(findRoutine('desk-break', broken)).toBe(DESK_BREAK);
	});

	it('clean names to one short line', () => {
		expect(cleanName('')).toBe('My routine');
		expect(cleanName('a\n\tb')).toBe('a b');
		expect(cleanName('x'.repeat(200))).toHaveLength(MAX_NAME_LENGTH);
	});
});
