/**
 * A routine's figures come from one source. A routine of the user's own (an overhead reach,
 * counted by the camera, then peanut segmental flexion, a guided timer) runs with the test-only short dose
 * (`?dose=short`: one rep, one 3 s round) to its summary. Its "Time moving" is the saved
 * workouts' own time, so History's total time says the same, History lists both moves as
 * finished, and the data panel counts the run as 1 routine.
 */
import { expect, test } from '@playwright/test';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

const ROUTINE = {
	id: 'custom-e2e',
	name: 'Reach and rest',
	items: [{ exerciseId: 'overhead-arm-reach' }, { exerciseId: 'peanut-segmental-flexion' }]
};

test('the summary, History and the data panel give the same figures', async ({ page }) => {
	test.setTimeout(300_000);
	const errors = collectPageErrors(page);
	await page.goto('/routines');
	await page.evaluate(
		(r) => localStorage.setItem('scapula:routines', JSON.stringify([r])),
		ROUTINE
	);
	await page.goto(`/routines/play?id=${ROUTINE.id}&dose=short`);
	await acknowledgeSafety(page);
	await page.getByTestId('start-routine').click();
	await page.getByTestId('begin-item').click();

	const reach = page.locator('[data-testid="camera-item"][data-exercise="overhead-arm-reach"]');
	await expect(reach).toBeVisible();
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', { timeout: 120_000 });
	// How it moves and how to do it stay in view while the move runs.
	await expect(reach.getByTestId('move-help')).toBeVisible();
	await expect(reach.getByTestId('move-help')).toContainText('How to');
	await expect(reach.getByTestId('demo')).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/routine-item-1280.png' });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/screens/routine-item-phone.png' });
	await page.setViewportSize({ width: 1280, height: 800 });

	// One rep ends the item; the timer item starts after the "Next:" pause and ends by itself.
	await expect(page.getByTestId('timer-item')).toBeVisible({ timeout: 120_000 });
	const summary = page.getByTestId('routine-summary');
	await expect(summary).toBeVisible({ timeout: 60_000 });
	const rows = summary.getByTestId('summary-row');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toHaveAttribute('data-status', 'done');
	await expect(rows.nth(0)).toContainText('1 rep');
	await expect(rows.nth(1)).toHaveAttribute('data-status', 'done');
	await expect(rows.nth(1)).toContainText('1 of 1 round');
	await expect(page.getByTestId('summary-saved')).toHaveText(
		'Saved in your history on this device.'
	);
	const moving = (await page.getByTestId('summary-moving').innerText()).trim();
	expect(moving).toMatch(/^\d+ s$/);
	expect(moving).not.toBe('0 s');
	await screenshot(page, 'routine-summary-saved-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'test-results/screens/routine-summary-saved-phone.png' });
	await page.setViewportSize({ width: 1280, height: 800 });
	await expectNoBrokenNumbers(page);

	await page.getByRole('link', { name: 'See your history' }).click();
	await expect(page).toHaveURL(/\/history$/);
	// The same time as the summary, both finished moves, and the run itself.
	await expect(page.getByTestId('total-minutes')).toHaveText(moving);
	await expect(page.getByTestId('total-workouts')).toHaveText('2');
	const history = page.getByTestId('workout-row');
	await expect(history).toHaveCount(2);
	await expect(
		page.locator('[data-testid="workout-row"][data-exercise="peanut-segmental-flexion"]')
	).toHaveCount(1);
	await expect(
		page.locator('[data-testid="workout-row"][data-exercise="overhead-arm-reach"]')
	).toHaveCount(1);
	await expect(page.getByText('Not finished')).toHaveCount(0);
	await expect(page.getByTestId('data-panel')).toContainText(
		'Stored now: 2 workouts, 1 routine and 0 posture days.'
	);
	await screenshot(page, 'history-after-routine-1280');
	expect(errors).toEqual([]);
});
