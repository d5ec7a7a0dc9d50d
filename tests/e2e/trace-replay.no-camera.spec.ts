/**
 * Replaying a pose trace in the built app: a generated trace of five overhead reaches goes
 * through the command-line analyser and through the workout page; both must count the same.
 * A corrupt trace shows the reader's message and leaves the counts alone.
 *
 * No camera is needed (no-camera project): a replay uses neither the camera nor the model.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as sim from '../../src/lib/sim';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

const EXERCISE = 'overhead-arm-reach';

/** Five overhead reaches, front view, with realistic pose-model noise and uneven frame times. */
function reachesTrace(seed: number) {
	const timeline = sim.sequence(
		sim.idle(2, { posture: sim.standingNeutral, sway: 0.5 }),
		sim.repeat(5, { from: sim.standingNeutral, to: sim.overheadReach }),
		sim.idle(1, { posture: sim.standingNeutral, sway: 0.5 })
	);
	const { frames } = sim.simulate({
		timeline,
		noise: 'realistic',
		seed,
		timeJitter: 0.15,
		skipProbability: 0.01
	});
	return sim.toTraceJson(frames, { fps: 30 });
}

/** The analyser's report, as `npx tsx src/cli/analyze.ts <file> --exercise … --json` prints it. */
function analyse(file: string): { reps: number; formScore: number | null } {
	const out = execFileSync(
		'npx',
		['tsx', 'src/cli/analyze.ts', file, '--exercise', EXERCISE, '--json', '--quiet'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
	);
	return JSON.parse(out);
}

const repCount = async (page: Page) => Number(await page.getByTestId('rep-count').innerText());

async function openWorkout(page: Page) {
	await page.goto(`/workout/${EXERCISE}`);
	await acknowledgeSafety(page);
}

test('a trace replays with the same counts as the command-line analyser', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	const file = testInfo.outputPath('reaches.json.gz');
	writeFileSync(file, gzipSync(JSON.stringify(reachesTrace(11))));
	const cli = analyse(file);
	expect(cli.reps).toBe(5);

	await openWorkout(page);
	await page.getByTestId('trace-input').setInputFiles(file);

	// Real time: the skeleton moves and the replay clock runs.
	const status = page.getByTestId('replay-status');
	await expect(status).toContainText(/Replay · \d+ s of 2\d s/);
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking');
	await expect
		.poll(async () => Number(await page.getByTestId('overlay').getAttribute('data-keypoints')))
		.toBeGreaterThanOrEqual(10);
	await expect(status).toContainText(/Replay · [3-9] s/, { timeout: 15_000 });
	await expect(page.getByTestId('skip-replay')).toBeEnabled();
	await screenshot(page, 'workout-trace-replay-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-trace-replay-phone');
	await page.setViewportSize({ width: 1280, height: 800 });

	// Skip to the end: every remaining frame goes through the coach at its own time.
	await page.getByTestId('skip-replay').click();
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	await expect(problem).toContainText('The replay ended');
	expect(await repCount(page)).toBe(cli.reps);
	await expect(page.getByTestId('rep-score')).not.toHaveText('–');
	await screenshot(page, 'workout-trace-ended-1280');

	// "Play again" starts the trace over with fresh counts; skipping lands on the same count.
	await problem.getByRole('button', { name: 'Play again' }).click();
	await expect(page.getByTestId('skip-replay')).toBeVisible();
	await page.getByTestId('skip-replay').click();
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	expect(await repCount(page)).toBe(cli.reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});

test('a plain .json trace replayed in real time to its end counts the same', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	const file = testInfo.outputPath('reaches.json');
	writeFileSync(file, JSON.stringify(reachesTrace(12)));
	const cli = analyse(file);
	await openWorkout(page);
	await page.getByTestId('trace-input').setInputFiles(file);
	// About 22 s of trace, played as recorded.
	await expect(page.getByTestId('problem')).toHaveAttribute('data-kind', 'finished', {
		timeout: 60_000
	});
	expect(await repCount(page)).toBe(cli.reps);
	expect(errors).toEqual([]);
});

test('a corrupt trace shows the field and frame, and keeps the counts', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	const good = reachesTrace(13);
	const goodFile = testInfo.outputPath('good.json');
	writeFileSync(goodFile, JSON.stringify(good));
	await openWorkout(page);
	await page.getByTestId('trace-input').setInputFiles(goodFile);
	await page.getByTestId('skip-replay').click();
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	const reps = await repCount(page);
	expect(reps).toBe(analyse(goodFile).reps);

	// A score outside 0..1 in frame 37, left shoulder; compressed, to go through gunzip too.
	const bad = structuredClone(good);
	bad.frames[37]!.keypoints![5] = [312, 140, 7];
	const badFile = testInfo.outputPath('corrupt.json.gz');
	writeFileSync(badFile, gzipSync(JSON.stringify(bad)));
	await page.getByTestId('trace-input').setInputFiles(badFile);
	await expect(problem).toHaveAttribute('data-kind', 'bad-trace');
	await expect(problem).toContainText('Not a valid pose trace');
	await expect(problem).toContainText(
		'corrupt.json.gz: frames[37].keypoints[5] (left_shoulder): score 7 is outside 0..1'
	);
	expect(await repCount(page)).toBe(reps);
	await screenshot(page, 'workout-trace-corrupt-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-trace-corrupt-phone');

	// Not a trace at all: the JSON error, counts still kept; the card offers another trace.
	const junk = testInfo.outputPath('notes.json');
	writeFileSync(junk, '{"format": "pose-trace", "version": 1, "model": ');
	const chooser = page.waitForEvent('filechooser');
	await problem.getByRole('button', { name: 'Open a trace' }).click();
	await (await chooser).setFiles(junk);
	await expect(problem).toContainText('notes.json: not JSON');
	expect(await repCount(page)).toBe(reps);
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
