/**
 * Storage going wrong, end to end in Chromium:
 *
 * - storage full during a workout: IndexedDB refuses the history's writes with a
 *   QuotaExceededError, as a full disk makes it do. (The DevTools protocol's
 *   Storage.overrideQuotaForOrigin would be the real thing, but it has no effect in these
 *   off-the-record test contexts, tried with page and browser sessions, so the test makes
 *   `IDBObjectStore.put` throw that DOMException while `window.__storageFull` is set.) The page
 *   says the workout is not being saved, counting goes on, and once there is room again the
 *   workout, with everything counted meanwhile, is saved;
 * - a damaged stored record: the history page leaves it out, says so, shows the rest, and the
 *   notice goes once the record is gone.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	acknowledgeSafety,
	collectPageErrors,
	editStoredRecords,
	expectNoBrokenNumbers,
	screenshot
} from './helpers';

test.use({ serviceWorkers: 'block' });

/** Everything the page's live region says, kept (it is overwritten by each rep's number). */
async function recordAnnouncements(page: Page): Promise<void> {
	await page.addInitScript(`(() => {
		window.__announced = [];
		new MutationObserver(() => {
			const el = document.querySelector('[data-testid="announcer"]');
			const text = el && el.textContent ? el.textContent.trim() : '';
			if (text && window.__announced[window.__announced.length - 1] !== text) window.__announced.push(text);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	})();`);
}
const announced = (page: Page) =>
	page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);

/** While `window.__storageFull` is true, every IndexedDB put fails as on a full disk. */
async function fillableStorage(page: Page): Promise<void> {
	await page.addInitScript(`(() => {
		window.__storageFull = false;
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args) {
			if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	})();`);
}
const setStorageFull = (page: Page, full: boolean) =>
	page.evaluate((f) => ((window as unknown as { __storageFull: boolean }).__storageFull = f), full);

test('storage full mid-workout: says the workout is not saved, counts on, saves once there is room', async ({
	page
}) => {
	test.setTimeout(300_000);
	const errors = collectPageErrors(page);
	await recordAnnouncements(page);
	await fillableStorage(page);
	await page.goto('/workout/overhead-arm-reach?stats');
	await acknowledgeSafety(page);
	await setStorageFull(page, true);

	await page.getByTestId('start-camera').click();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	await expect
		.poll(async () => (await announced(page)).join('\n'), { timeout: 30_000 })
		.toContain(
			'This workout is not being saved: The browser has no room left to save your history'
		);

	// Counting goes on regardless.
	const count = page.getByTestId('rep-count');
	await expect
		.poll(async () => Number(await count.innerText()), { timeout: 120_000, intervals: [500] })
		.toBeGreaterThanOrEqual(1);
	const reps = Number(await count.innerText());
	await screenshot(page, 'fault-storage-full-1280');

	// Room again: the recorder's next write goes through, with what was counted while full.
	await setStorageFull(page, false);
	await page.waitForTimeout(2_000);
	await page.getByRole('button', { name: 'Stop camera' }).click();
	await page.goto('/history');
	const row = page.locator('[data-testid="workout-row"][data-exercise="overhead-arm-reach"]');
	await expect(row).toHaveCount(1);
	expect(Number(await row.getByTestId('row-reps').innerText())).toBeGreaterThanOrEqual(reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('a damaged stored record is left out with a notice, the rest still shows', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	await page.goto('/history');
	await expect(page.getByTestId('history-empty')).toBeVisible();

	// One good workout and one whose reps are a string, written straight into IndexedDB.
	const now = new Date();
	const good = {
		id: 'good-1',
		exerciseId: 'overhead-arm-reach',
		startedAt: new Date(now.getTime() - 120_000).toISOString(),
		endedAt: now.toISOString(),
		updatedAt: now.toISOString(),
		reps: 7,
		holds: [],
		repScores: [90, 80, 85, 90, 95, 100, 70],
		cues: [],
		status: 'done'
	};
	const bad = { ...good, id: 'bad-1', reps: 'seven', repScores: 'lots' };
	await editStoredRecords(page, 'workouts', { put: [good, bad] });
	await page.reload();
	await expect(page.getByText('1 stored record is damaged and left out')).toBeVisible();
	const rows = page.locator('[data-testid="workout-row"]');
	await expect(rows).toHaveCount(1);
	await expect(rows.getByTestId('row-reps')).toHaveText('7');
	await screenshot(page, 'fault-storage-damaged-record-1280');

	// The damaged record removed (as "Delete everything" or a fixed import would): notice gone.
	await editStoredRecords(page, 'workouts', { remove: ['bad-1'] });
	await page.reload();
	await expect(rows).toHaveCount(1);
	await expect(page.getByText(/damaged and left out/)).toHaveCount(0);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
