/**
 * The home page narrows its 31 moves by where they are done, their kind, and whether the camera
 * checks them; the counts follow the catalog (src/routes/exercise-filter.ts), and "Show all"
 * brings every move back.
 */
import { expect, test } from '@playwright/test';
import { EXERCISES } from '../../src/lib/exercises';
import { filterExercises, NO_FILTER } from '../../src/routes/exercise-filter';
import { collectPageErrors, screenshot } from './helpers';

const cards = '[data-group] a[href*="/workout/"]';

test('filters narrow the exercises and "Show all" brings them back', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/');
	const count = page.getByTestId('filter-count');
	await expect(count).toHaveText(`All ${EXERCISES.length} moves`);
	const all = await page.locator(cards).count();
	expect(all).toBe(EXERCISES.length);

	await page.getByTestId('filter-place').selectOption('desk');
	await page.getByTestId('filter-camera').selectOption('checked');
	const desk = filterExercises(EXERCISES, { ...NO_FILTER, place: 'desk', camera: 'checked' });
	await expect(count).toHaveText(`${desk.length} of ${EXERCISES.length} moves`);
	await expect(page.locator(cards)).toHaveCount(desk.length);
	await expect(page.locator('[data-group="timers"]')).toHaveCount(0);
	await screenshot(page, 'home-filtered-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/screens/home-filtered-phone.png' });
	await page.setViewportSize({ width: 1280, height: 800 });

	// Nothing fits (no move judged by the camera is a plain timed one): a sentence, not an
	// empty page.
	await page.getByTestId('filter-place').selectOption('floor');
	await page.getByTestId('filter-kind').selectOption('timed');
	expect(
		filterExercises(EXERCISES, { place: 'floor', kind: 'timed', camera: 'checked' })
	).toHaveLength(0);
	await expect(page.getByTestId('filter-none')).toBeVisible();

	await page.getByRole('button', { name: 'Show all' }).click();
	await expect(count).toHaveText(`All ${EXERCISES.length} moves`);
	await expect(page.locator(cards)).toHaveCount(EXERCISES.length);
	expect(errors).toEqual([]);
});
