/**
 * A floor move in the built app: a generated trace of prone arm raises (a body lying face down,
 * filmed side-on by a laptop on the floor 2 m away) replayed on the workout page counts what the
 * command-line analyser counts, with the hold at the top of each lift. ../shared/media has no
 * permissively licensed clip of a floor move, so the camera is replaced by a trace replay (see
 * trace-replay.no-camera.spec.ts for the replay itself).
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as sim from '../../src/lib/sim';
import * as floor from '../../src/lib/sim/floor-postures';
import { acknowledgeSafety, collectPageErrors, expectNoBrokenNumbers, screenshot } from './helpers';

const EXERCISE = 'prone-arm-raise';
const LIFTS = 5;

/** Five lifts, each held 2.5 s at the top, with realistic pose-model noise and uneven frame times. */
function liftsTrace(seed: number) {
	const timeline = sim.sequence(
		sim.idle(2, { posture: floor.proneArmsOut, sway: 0.5 }),
		sim.repeat(LIFTS, {
			from: floor.proneArmsOut,
			to: floor.proneArmsLifted,
			upSeconds: 1,
			holdSeconds: 2.5,
			downSeconds: 1,
			restSeconds: 1.5
		}),
		sim.idle(1, { posture: floor.proneArmsOut, sway: 0.5 })
	);
	const { frames } = sim.simulate({
		timeline,
		camera: { view: 'side', distanceM: 2, target: { y: 0.4 } },
		noise: 'realistic',
		seed,
		timeJitter: 0.15,
		skipProbability: 0.01
	});
	return sim.toTraceJson(frames, { fps: 30 });
}

function analyse(file: string): { reps: number } {
	const out = execFileSync(
		'npx',
		['tsx', 'src/cli/analyze.ts', file, '--exercise', EXERCISE, '--json', '--quiet'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
	);
	return JSON.parse(out);
}

test('a floor move (prone arm raise) replayed in the app counts like the analyser', async ({
	page
}, testInfo) => {
	const errors = collectPageErrors(page);
	const file = testInfo.outputPath('prone-arm-raise.json.gz');
	writeFileSync(file, gzipSync(JSON.stringify(liftsTrace(21))));
	const cli = analyse(file);
	expect(cli.reps).toBeGreaterThanOrEqual(LIFTS - 1);
	expect(cli.reps).toBeLessThanOrEqual(LIFTS);

	await page.goto(`/workout/${EXERCISE}`);
	await acknowledgeSafety(page);
	await expect(page.getByTestId('setup-guide')).toContainText('Laptop on the floor');
	await expect(page.getByTestId('demo')).toContainText('Seen from the side');
	await page.getByTestId('trace-input').setInputFiles(file);
	await expect(page.getByTestId('replay-status')).toContainText(/Replay · \d+ s/);
	await expect(page.getByTestId('tracking-status')).toHaveText('Tracking');
	// The lying body is judged side-on: lifts count while it plays, with no setup notice (no
	// "turn sideways", no "step into view").
	await expect
		.poll(async () => Number(await page.getByTestId('rep-count').innerText()), {
			timeout: 20_000
		})
		.toBeGreaterThanOrEqual(1);
	await expect(page.getByTestId('setup')).toHaveCount(0);
	await screenshot(page, 'workout-floor-replay-1280');
	await page.setViewportSize({ width: 390, height: 844 });
	await screenshot(page, 'workout-floor-replay-phone');
	await page.setViewportSize({ width: 1280, height: 800 });

	await page.getByTestId('skip-replay').click();
	const problem = page.getByTestId('problem');
	await expect(problem).toHaveAttribute('data-kind', 'finished', { timeout: 30_000 });
	expect(Number(await page.getByTestId('rep-count').innerText())).toBe(cli.reps);
	await expect(page.getByTestId('rep-score')).not.toHaveText('–');
	await screenshot(page, 'workout-floor-replay-ended-1280');
	await expectNoBrokenNumbers(page);
	expect(errors).toEqual([]);
});
