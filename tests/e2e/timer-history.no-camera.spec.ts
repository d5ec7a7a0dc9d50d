/**
 * Guided timers (camera off) are saved to History like any workout: peanut segmental flexion
 * (foam-roller work, which stays a timer) with the
 * test-only short dose (`?dose=short`: two 3 s rounds with a 5 s rest between) runs to its end,
 * which shows the time held (not "0 s"), and History then lists it as a finished workout of two
 * 3 s holds that counts for the streak.
 */
import { expect, test } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

test('a guided timer reaches History and the streak', async ({ page }) => {
	const errors = collectPageErrors(page);
	await page.goto('/workout/peanut-segmental-flexion?dose=short');
	await acknowledgeSafety(page);
	await expect(page.getByTestId('timer-remaining')).toHaveText('3 s');
	await page.getByTestId('start-timer').click();
	await expect(page.getByTestId('timer-saved')).toHaveText('Saved in your history', {
		timeout: 30_000
	});
	await expect(page.getByTestId('timer-rounds')).toHaveText('2 of 2 done');
	// The end shows the time held in all, never "Done 0 s".
	await expect(page.getByTestId('timer-remaining')).toHaveText('6 s');
	await screenshot(page, 'timer-done-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/screens/timer-done-phone.png' });
	await page.setViewportSize({ width: 1280, height: 800 });
	await expectNoBrokenNumbers(page);

	await page.goto('/history');
	const rows = page.getByTestId('workout-row');
	await expect(rows).toHaveCount(1);
	const row = rows.first();
	await expect(row).toHaveAttribute('data-exercise', 'peanut-segmental-flexion');
	await expect(row).toContainText('Holds');
	await expect(row).toContainText('2 · 6 s');
	await expect(row.getByText('Not finished')).toHaveCount(0);
	await expect(page.getByTestId('streak')).toHaveText(/^\s*1\s*day\s*$/);
	await expect(page.getByTestId('total-workouts')).toHaveText('1');
	await screenshot(page, 'history-timer-1280');
	expect(errors).toEqual([]);
});
