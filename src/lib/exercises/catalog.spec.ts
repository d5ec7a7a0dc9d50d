/**
 * The catalog as a whole: every movement of the shared catalog table (../shared/docs/exercises.md, outside this
 * repository) is defined exactly once, every
 * definition validates, camera-checked moves carry form rules with cues, and guided timers claim
 * no checks they do not make.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineExercise } from '../engine/define';
import { EXERCISES, getExercise } from '.';

/**
 * The ids of the shared catalog table (../shared/docs/exercises.md), in its order, with the camera the
 * table names ('floor' where the laptop sits on the floor). Kept here so the test runs without
 * the shared docs; when the doc is present a test below checks this copy against it.
 */
const CATALOG: ReadonlyArray<readonly [id: string, camera: 'front' | 'side' | 'either' | 'floor']> =
	[
		['thoracic-extension-seated', 'side'],
		['thoracic-extension-floor', 'floor'],
		['upper-back-extension-standing', 'side'],
		['scapular-squeeze', 'either'],
		['childs-pose', 'floor'],
		['childs-pose-side-stretch', 'floor'],
		['cat-cow', 'floor'],
		['doorway-stretch', 'side'],
		['thread-the-needle', 'floor'],
		['shoulder-rolls', 'front'],
		['neck-side-tilt', 'front'],
		['neck-roll', 'front'],
		['neck-rotation', 'front'],
		['neck-flexion-extension', 'either'],
		['arm-press-curl', 'side'],
		['lat-side-stretch', 'front'],
		['crossbody-shoulder-stretch', 'front'],
		['upper-back-foam-roll', 'floor'],
		['prone-arm-raise', 'floor'],
		['shoulder-squeeze-hold', 'front'],
		['seated-row', 'side'],
		['chest-fly', 'side'],
		['shoulder-shrug', 'front'],
		['back-extension-prone', 'floor'],
		['trunk-rotation', 'front'],
		['overhead-arm-reach', 'either'],
		['knee-to-chest', 'floor'],
		['wall-stretch', 'side'],
		['peanut-segmental-flexion', 'floor'],
		['iron-cross', 'floor'],
		['wall-angels', 'front']
	];

/** Where the shared catalog may live: beside the repository, or in a `shared/` inside it. */
const CATALOG_DOC = [
	new URL('../../../../shared/docs/exercises.md', import.meta.url),
	new URL('../../../shared/docs/exercises.md', import.meta.url)
].find((u) => existsSync(u));

const camera = EXERCISES.filter((e) => e.cameraChecked);
const timers = EXERCISES.filter((e) => !e.cameraChecked);

describe('exercise catalog', () => {
	it('has exactly 31 definitions with unique ids', () => {
		const ids = EXERCISES.map((e) => e.id);
		expect(ids).toHaveLength(31);
		expect(new Set(ids).size).toBe(31);
	});

	it('defines every catalog id, and nothing else', () => {
		expect(new Set(EXERCISES.map((e) => e.id))).toEqual(new Set(CATALOG.map(([id]) => id)));
		for (const [id] of CATALOG) expect(getExercise(id)?.id).toBe(id);
	});

	it.skipIf(!CATALOG_DOC)('matches the ids of the shared catalog table', () => {
		const doc = readFileSync(CATALOG_DOC!, 'utf8');
		const ids = [...doc.matchAll(/^\|\s*\d+\s*\|\s*([a-z0-9-]+)\s*\|/gm)].map((m) => m[1]);
		expect(ids).toEqual(CATALOG.map(([id]) => id));
	});

	it.each(EXERCISES.map((e) => [e.id, e] as const))('%s passes defineExercise', (_, def) => {
		expect(() => defineExercise({ ...def })).not.toThrow();
	});

	it.each(camera.map((e) => [e.id, e] as const))(
		'%s (camera-checked) names its keypoints, counts something, and has cued rules',
		(_, def) => {
			expect(def.requires.length).toBeGreaterThan(0);
			expect(Boolean(def.rep || def.repByView || def.hold)).toBe(true);
			expect(def.rules.length).toBeGreaterThan(0);
			for (const r of def.rules) expect(r.cue.trim().length).toBeGreaterThan(5);
		}
	);

	it.each(timers.map((e) => [e.id, e] as const))(
		'%s (guided timer) claims no checks: no keypoints, no rep or hold spec, no rules',
		(_, def) => {
			expect(def.requires).toEqual([]);
			expect(def.rep).toBeUndefined();
			expect(def.repByView).toBeUndefined();
			expect(def.hold).toBeUndefined();
			expect(def.rules).toEqual([]);
			expect(['timed', 'hold']).toContain(def.kind);
			expect(def.dose.holdSeconds).toBeGreaterThan(0);
		}
	);

	it('every timed move is a guided timer', () => {
		for (const def of EXERCISES.filter((e) => e.kind === 'timed')) {
			expect(def.cameraChecked, def.id).toBe(false);
		}
	});

	it('the dose agrees with what the coach counts', () => {
		for (const def of EXERCISES) {
			expect(def.dose.sets, def.id).toBeGreaterThanOrEqual(1);
			if (def.hold) expect(def.dose.holdSeconds, def.id).toBe(def.hold.seconds);
			if (def.rep?.holdSeconds) expect(def.dose.holdSeconds, def.id).toBe(def.rep.holdSeconds);
			if (def.kind === 'rep' && def.cameraChecked) expect(def.dose.reps, def.id).toBeGreaterThan(0);
			if (def.kind === 'side-hold') expect(def.dose.perSide, def.id).toBe(true);
		}
	});

	it('every definition has 2–4 instructions and a dose note saying where its dose comes from', () => {
		for (const def of EXERCISES) {
			expect(def.instructions.length, def.id).toBeGreaterThanOrEqual(2);
			expect(def.instructions.length, def.id).toBeLessThanOrEqual(4);
			expect(def.dose.note, def.id).toBeTruthy();
		}
	});

	it('floor moves say where to put the laptop', () => {
		for (const [id] of CATALOG.filter(([, c]) => c === 'floor')) {
			const text = getExercise(id)!.instructions.join(' ');
			expect(text, id).toMatch(/laptop/i);
			expect(text, id).toMatch(/floor/i);
		}
	});

	it('camera-checked moves ask for the view the catalog names, or say why not', () => {
		for (const [id, cam] of CATALOG) {
			const def = getExercise(id)!;
			if (!def.cameraChecked || cam === 'either') continue;
			const wanted = cam === 'floor' ? 'side' : cam;
			// Shoulder squeezes are judged from the side: from the front a squeeze narrows the
			// shoulders by about a centimetre, below keypoint noise (see scapular-squeeze.ts).
			if (id === 'shoulder-squeeze-hold') expect(def.view).toBe('side');
			// The child's pose side stretch walks the hands toward or away from a side camera,
			// which sees nothing of it; from the front they cross the picture
			// (see childs-pose-side-stretch.ts).
			else if (id === 'childs-pose-side-stretch') expect(def.view).toBe('front');
			else expect(def.view, id).toBe(wanted);
		}
	});
});
