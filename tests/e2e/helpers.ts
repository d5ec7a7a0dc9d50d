import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Screenshots for people to look at (not compared): test-results/screens/<name>.png */
export const SCREENS = 'test-results/screens';

export async function screenshot(page: Page, name: string): Promise<void> {
	mkdirSync(SCREENS, { recursive: true });
	await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** No number on screen may ever read NaN, Infinity or undefined. */
export async function expectNoBrokenNumbers(page: Page): Promise<void> {
	const text = await page.locator('body').innerText();
	expect(text).not.toMatch(/\bNaN\b|\bInfinity\b|\bundefined\b|\bnull\b/);
}

export async function acknowledgeSafety(page: Page): Promise<void> {
	const note = page.getByTestId('safety-note');
	await expect(note).toBeVisible();
	await note.getByRole('button', { name: 'I understand' }).click();
	await expect(note).toBeHidden();
}

/**
 * Waits until the workout page's "Start camera" can be pressed, acknowledging the safety note if
 * it shows (first visit). The note appears only once the page has started, so checking for it
 * once right after navigation can miss it and leave the button disabled for good.
 */
export async function readyToStart(page: Page): Promise<void> {
	const note = page.getByTestId('safety-note');
	const start = page.getByTestId('start-camera');
	await expect
		.poll(
			async () => {
				if (await note.isVisible()) await acknowledgeSafety(page);
				return start.isEnabled();
			},
			{ timeout: 60_000, intervals: [500] }
		)
		.toBe(true);
}

/** Collects uncaught page errors so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** Seconds per loop of the fake camera's clip: one overhead reach (tfjs_pose_1.mp4). */
export const CLIP_LOOP_SECONDS = 4;

/**
 * Reps counted on the looping clip over `seconds` of counting: one reach per loop, so between
 * seconds/4 − 1 and seconds/4 + 1 (a loop cut at either end of the window). Fewer means missed
 * reps; more means the counter counts things that are not reps.
 */
export function expectLoopReps(reps: number, seconds: number): void {
	const loops = seconds / CLIP_LOOP_SECONDS;
	expect(
		reps,
		`${reps} reps in ${seconds.toFixed(1)} s of a ${CLIP_LOOP_SECONDS} s loop`
	).toBeGreaterThanOrEqual(Math.max(0, Math.floor(loops - 1)));
	expect(
		reps,
		`${reps} reps in ${seconds.toFixed(1)} s of a ${CLIP_LOOP_SECONDS} s loop`
	).toBeLessThanOrEqual(Math.ceil(loops + 1));
}

/**
 * The upper bound alone, for counts read since tracking began (the first reps wait for the
 * coach's baseline, so a lower bound would measure the warm-up, not the counter).
 */
export function expectAtMostLoopReps(reps: number, seconds: number): void {
	expect(
		reps,
		`${reps} reps in ${seconds.toFixed(1)} s of a ${CLIP_LOOP_SECONDS} s loop`
	).toBeLessThanOrEqual(Math.ceil(seconds / CLIP_LOOP_SECONDS + 1));
}

/**
 * Writes straight into one of the app's IndexedDB stores, past the app's own checks (a damaged
 * record, or one removed by hand): `put` records, then `remove` keys. The page must have opened
 * the database first (any page that reads History does).
 */
export async function editStoredRecords(
	page: Page,
	store: string,
	{ put = [], remove = [] }: { put?: readonly unknown[]; remove?: readonly string[] }
): Promise<void> {
	await page.evaluate(
		async ({ store, put, remove }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('scapula');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction(store, 'readwrite');
				for (const r of put) tx.objectStore(store).put(r);
				for (const k of remove) tx.objectStore(store).delete(k);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ store, put, remove }
	);
}
