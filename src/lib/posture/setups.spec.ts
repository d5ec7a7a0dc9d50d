/**
 * Named per-setup calibrations (issue 14, item 5): saving, picking, replacing, and a damaged
 * store that is reported and loses nothing.
 */
import { describe, expect, it } from 'vitest';
import * as sim from '../sim';
import { Calibrator, type Calibration } from './calibration';
import { PostureEngine } from './engine';
import {
	EMPTY_SHELF,
	MAX_SETUP_NAME,
	SETUP_SUGGESTIONS,
	cleanSetupName,
	readShelf,
	removeSetup,
	saveSetup,
	useSetup
} from './setups';

/** A real calibration of a simulated sitter, `distanceM` from the camera. */
function calibrationAt(distanceM: number): Calibration {
	const frames = sim.simulate({
		timeline: sim.idle(4, { posture: sim.sittingNeutral, sway: 0.5, seed: 1 }),
		camera: { distanceM, target: { y: 0.95 }, view: 'front' },
		noise: 'realistic',
		seed: 1
	}).frames;
	const e = new PostureEngine();
	const c = new Calibrator();
	for (const f of frames) c.add(f.t, e.measure(f).features);
	return c.finish();
}

const laptop = calibrationAt(1.2);
const monitor = calibrationAt(1.8);
const roundTrip = (s: unknown) => readShelf(JSON.stringify(s));

describe('named setups', () => {
	it('saves, picks and survives storage as JSON', () => {
		let shelf = saveSetup(EMPTY_SHELF, '  Laptop   on the desk ', laptop, 1000);
		shelf = saveSetup(shelf, 'External monitor', monitor, 2000);
		expect(shelf.active).toBe('External monitor');
		const back = roundTrip(shelf);
		expect(back.problem).toBe('');
		expect(back.shelf.setups.map((s) => s.name)).toEqual([
			'Laptop on the desk',
			'External monitor'
		]);
		const picked = useSetup(back.shelf, 'laptop ON the desk');
		expect(picked?.shelf.active).toBe('Laptop on the desk');
		expect(picked?.setup.calibration).toEqual(laptop);
		// The two setups are different calibrations (the shoulder width in px differs).
		expect(picked!.setup.calibration.reference.scale).toBeGreaterThan(
			1.3 * monitor.reference.scale
		);
		expect(useSetup(back.shelf, 'Kitchen table')).toBeNull();
	});

	it('the same name replaces; no name takes a free suggestion; names are cut to length', () => {
		let shelf = saveSetup(EMPTY_SHELF, 'Desk', laptop, 1);
		shelf = saveSetup(shelf, 'DESK', monitor, 2);
		expect(shelf.setups).toHaveLength(1);
		expect(shelf.setups[0]).toMatchObject({ name: 'DESK', savedAt: 2 });
		shelf = saveSetup(shelf, '   ', laptop, 3);
		expect(shelf.active).toBe(SETUP_SUGGESTIONS[0]);
		shelf = saveSetup(shelf, '', laptop, 4);
		expect(shelf.active).toBe(SETUP_SUGGESTIONS[1]);
		expect(cleanSetupName('x'.repeat(100))).toHaveLength(MAX_SETUP_NAME);
		shelf = removeSetup(shelf, SETUP_SUGGESTIONS[1]!);
		expect(shelf.active).toBeNull();
		expect(shelf.setups.map((s) => s.name)).toEqual(['DESK', SETUP_SUGGESTIONS[0]]);
	});

	it('a damaged list is reported and handed back whole to be kept aside', () => {
		for (const text of ['{"version":1,"setups":[', '"just a string"', '{"version":9}']) {
			const r = readShelf(text);
			expect(r.problem).toMatch(/could not be read.*kept aside/);
			expect(r.damaged).toBe(text);
			expect(r.shelf.setups).toHaveLength(0);
		}
		expect(readShelf(null)).toMatchObject({ problem: '', damaged: null });
	});

	it('one damaged setup is reported, kept unused, and written back with the rest', () => {
		const good = saveSetup(EMPTY_SHELF, 'Laptop on the desk', laptop, 1);
		const broken = { name: 'Old desk', calibration: { version: 0 } };
		const r = roundTrip({ ...good, setups: [...good.setups, broken, 'junk'] });
		expect(r.problem).toMatch(/^2 saved setups could not be read/);
		expect(r.shelf.setups.map((s) => s.name)).toEqual(['Laptop on the desk']);
		// Saving a new setup keeps the unreadable entries as they were.
		const next = roundTrip(saveSetup(r.shelf, 'External monitor', monitor, 2));
		expect(next.shelf.unreadable).toEqual([broken, 'junk']);
		expect(next.problem).toMatch(/^2 saved setups could not be read/);
		expect(next.shelf.setups).toHaveLength(2);
	});
});
