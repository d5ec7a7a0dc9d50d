import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';
import { historyFixture } from './history-fixture';

// The history page with five weeks of data (imported from a generated export), "Your data"
// (export, delete, import), and a corrupt import that must change nothing.

const DIR = 'test-results/history-data';

function writeFixture(name: string, content: string): string {
	mkdirSync(DIR, { recursive: true });
	const path = `${DIR}/${name}`;
	writeFileSync(path, content);
	return path;
}

async function importFile(page: Page, path: string, { replace = false } = {}) {
	const box = page.getByLabel(/Replace what is stored here/);
	if ((await box.isChecked()) !== replace) await box.setChecked(replace);
	await page.getByTestId('import-input').setInputFiles(path);
}

/** The workout list as text, every row (shown all), once the page has read the history. */
async function listText(page: Page): Promise<string[]> {
	await expect(page.getByTestId('workout-row').first()).toBeVisible();
	const more = page.getByRole('button', { name: /^Show all/ });
	if (await more.count()) await more.click();
	return page.getByTestId('workout-row').allInnerTexts();
}

test('imported history shows the summary, the charts with their numbers, and the workouts', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	const fixture = historyFixture();
	const file = writeFixture('fixture.json', JSON.stringify(fixture));
	await page.goto('/history');
	await expect(page.getByTestId('history-empty')).toBeVisible();
	await expectNoBrokenNumbers(page);
	await screenshot(page, 'history-empty-1280');

	await importFile(page, file);
	await expect(page.getByTestId('data-status')).toContainText(
		`Imported fixture.json: ${fixture.workouts.length} workouts, 1 routine, ${fixture.postureDays.length} posture days.`
	);
	await expect(page.getByTestId('history-empty')).toHaveCount(0);

	// Streak: the last seven days in a row (today and the six before; day 7 was skipped).
	await expect(page.getByTestId('streak')).toContainText('7 days');
	// The per-exercise charts start on the most recent exercise (a hold): pick a rep one.
	await page.getByTestId('exercise-select').selectOption('overhead-arm-reach');
	// Every chart drew and has a table of its numbers.
	for (const id of ['chart-minutes', 'chart-weekly', 'chart-form', 'chart-posture']) {
		const chart = page.getByTestId(id);
		await expect(chart).toBeVisible();
		expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
		const box = await chart.locator('canvas').boundingBox();
		expect(box?.width).toBeGreaterThan(200);
	}
	// The minutes table has today's row.
	const minutes = page.getByTestId('chart-minutes');
	await minutes.getByText('Show the numbers').click();
	await expect(minutes.locator('tbody tr').last()).toContainText('min');

	// The exercise picker switches the per-exercise charts to the hold exercise.
	await page.getByTestId('exercise-select').selectOption('doorway-stretch');
	await expect(page.getByTestId('chart-weekly')).toContainText('Hold time per week');
	await expect(page.getByText(/No scored reps of Doorway/)).toBeVisible();
	await page.getByTestId('exercise-select').selectOption('wall-angels');

	// Ranges change the window.
	await page.getByRole('radio', { name: '7 days' }).check();
	await expect(page.getByTestId('summary')).toContainText('in the last 7 days');
	await page.getByRole('radio', { name: '30 days' }).check();

	const rows = page.getByTestId('workout-row');
	await expect(rows.first()).toContainText('Doorway chest stretch');
	expect(await listText(page)).toHaveLength(fixture.workouts.length);
	await expect(page.getByText('Desk break')).toBeVisible();
	await expectNoBrokenNumbers(page);

	await page.getByRole('button', { name: 'Show fewer' }).click();
	await screenshot(page, 'history-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'history-phone');
	await page.emulateMedia({ colorScheme: 'dark' });
	await screenshot(page, 'history-dark-phone');
	await page.setViewportSize({ width: 1280, height: 800 });
	await screenshot(page, 'history-dark-1280');
	expect(errors).toEqual([]);
});

test('posture days with their causes choose the home page’s routine and show in the report', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	const fixture = historyFixture();
	await page.goto('/history');
	await importFile(page, writeFixture('causes.json', JSON.stringify(fixture)));
	await expect(page.getByTestId('data-status')).toContainText('Imported causes.json');
	// History: the same split under the chart of minutes exercised and slouched share.
	await expect(page.getByTestId('history-slouch-split')).toContainText(
		/put (59|60|61)\s% down to the head coming forward or down, (24|25|26)\s% to the shoulders/
	);
	await screenshot(page, 'history-causes-1280');

	// The last three days' slouch was mostly the head: the neck routine, with its reason.
	const recent = fixture.postureDays.slice(-3);
	const m = Math.round(recent.reduce((a, d) => a + d.slouchedBy['forward-head'], 0) / 60);
	const headTime = m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
	await page.goto('/');
	const today = page.getByTestId('today-suggestion');
	await expect(today.getByRole('heading')).toHaveText('Today: Neck and upper-back reset');
	await expect(page.getByTestId('today-reason')).toHaveText(
		`Over the last 3 days your head was forward for ${headTime}, so today: neck and upper-back moves.`
	);
	await expect(today.getByRole('link')).toHaveCount(3);
	await screenshot(page, 'home-suggestion-1280');

	// The report splits the slouched time the same way (60 % head, 25 % shoulders, rest neither).
	await page.goto('/history/report?exercise=overhead-arm-reach');
	const split = page.getByTestId('report-slouch-split');
	await expect(split).toContainText(/put (59|60|61)\s% down to the head/);
	await expect(split).toContainText(/(24|25|26)\s% to the shoulders/);
	const row = page.getByTestId('report-posture-table').locator('tbody tr').last();
	const last = fixture.postureDays.at(-1)!;
	await expect(row.locator('td').nth(2)).toHaveText(
		`${Math.round(last.slouchedBy['forward-head'] / 60)} / ${Math.round(last.slouchedBy['rounded-shoulders'] / 60)} min`
	);
	await expectNoBrokenNumbers(page);
	await screenshot(page, 'report-causes-1280');

	await page.setViewportSize({ width: 390, height: 844 });
	await expectNoBrokenNumbers(page);
	await screenshot(page, 'report-causes-390');
	await page.goto('/');
	await expect(today).toBeVisible();
	await screenshot(page, 'home-suggestion-390');
	await page.goto('/history');
	await expect(page.getByTestId('history-day-chart')).toBeVisible();
	await screenshot(page, 'history-causes-390');
	expect(errors).toEqual([]);
});

test('export, delete everything, import: the same history comes back', async ({ page }) => {
	const errors = collectPageErrors(page);
	const fixture = historyFixture();
	await page.goto('/history');
	await importFile(page, writeFixture('seed.json', JSON.stringify(fixture)));
	await expect(page.getByTestId('workout-row').first()).toBeVisible();
	const before = await listText(page);
	const summaryBefore = await page.getByTestId('summary').innerText();

	// Export everything as JSON, and both tables as CSV.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-json').click()
	]);
	expect(download.suggestedFilename()).toMatch(/^scapula-export-\d{4}-\d{2}-\d{2}\.json$/);
	const exported = `${DIR}/exported.json`;
	await download.saveAs(exported);
	const data = JSON.parse(readFileSync(exported, 'utf8'));
	// The fixture's workouts predate range of motion: they come back with an empty list of it.
	expect(data.workouts).toEqual(fixture.workouts.map((w) => ({ rangeOfMotion: [], ...w })));
	expect(data.postureDays).toEqual(fixture.postureDays);
	expect(data.settings.map((s: { key: string }) => s.key)).toEqual(['preferences']);

	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Workouts (CSV)' }).click()
	]);
	await csv.saveAs(`${DIR}/workouts.csv`);
	const lines = readFileSync(`${DIR}/workouts.csv`, 'utf8').trim().split('\r\n');
	expect(lines[0]).toMatch(/^id,exerciseId,/);
	expect(lines).toHaveLength(fixture.workouts.length + 1);
	const [postureCsv] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Posture days (CSV)' }).click()
	]);
	expect(postureCsv.suggestedFilename()).toMatch(/^scapula-posture-days-.*\.csv$/);

	// Delete everything (after a confirmation), then reload: it is really gone.
	await page.getByTestId('delete-all').click();
	await expect(page.getByText(/This cannot be undone/)).toBeVisible();
	await expect(page.getByTestId('confirm-delete')).toBeFocused();
	await page.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('data-status')).toContainText('Everything was deleted');
	await page.reload();
	await expect(page.getByTestId('history-empty')).toBeVisible();

	// Import the export: the same history.
	await importFile(page, exported);
	await expect(page.getByTestId('data-status')).toContainText('and your settings.');
	expect(await listText(page)).toEqual(before);
	await expect.poll(() => page.getByTestId('summary').innerText()).toBe(summaryBefore);
	await page.reload();
	expect(await listText(page)).toEqual(before);
	expect(errors).toEqual([]);
});

test('a corrupt or wrong file is refused with the reason and nothing stored changes', async ({
	page
}) => {
	const errors = collectPageErrors(page);
	const fixture = historyFixture();
	await page.goto('/history');
	await importFile(page, writeFixture('seed2.json', JSON.stringify(fixture)));
	await expect(page.getByTestId('workout-row').first()).toBeVisible();
	const before = await listText(page);
	const status = page.getByTestId('data-status');

	// Cut short mid-file.
	const text = JSON.stringify(fixture);
	await importFile(page, writeFixture('cut.json', text.slice(0, text.length / 2)), {
		replace: true
	});
	await expect(status).toContainText('cut.json was not imported');
	await expect(status).toContainText('not valid JSON');
	await expect(status).toContainText('Nothing was changed.');

	// Valid JSON, one bad record deep inside, with "replace" chosen: still nothing changes.
	const bad = structuredClone(fixture);
	bad.workouts[7]!.repScores[2] = 900;
	await importFile(page, writeFixture('bad-score.json', JSON.stringify(bad)), { replace: true });
	await expect(status).toContainText(
		`workouts[7] ("${bad.workouts[7]!.id}"), field repScores[2]: must be a number from 0 to 100`
	);
	await expect(status).toContainText('Nothing was changed.');
	await screenshot(page, 'history-import-refused-1280');

	// Some other app's JSON.
	await importFile(page, writeFixture('other.json', '{"hello": "world"}'));
	await expect(status).toContainText('not a Scapula export');

	await page.reload();
	expect(await listText(page)).toEqual(before);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
