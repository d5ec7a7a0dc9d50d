import { expect, test } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { SCREENS } from './helpers';

// Benchmark, not a check: BENCH=1 npx playwright test --project=fake-camera bench
// Runs each model on the fake camera and writes test-results/screens/bench.jsonl.
// The default run already logs Lightning's numbers (fake-camera.spec.ts).

const CASES: Array<{ model: string; backend: string }> = (
	process.env.BENCH_CASES ??
	'movenet-lightning:wasm,blazepose-lite:wasm,blazepose-full:wasm,movenet-thunder:wasm,movenet-lightning:webgl'
)
	.split(',')
	.map((c) => {
		const [model = '', backend = 'auto'] = c.split(':');
		return { model, backend };
	});

test.describe('benchmark', () => {
	test.skip(!process.env.BENCH, 'set BENCH=1 to run the benchmark');
	test.describe.configure({ timeout: 300_000 });

	for (const { model, backend } of CASES) {
		test(`${model} on ${backend}`, async ({ page }) => {
			await page.addInitScript(
				([m, b]) => {
					localStorage.setItem('scapula:safety-acknowledged', 'true');
					localStorage.setItem('scapula:model', JSON.stringify(m));
					localStorage.setItem('scapula:backend', JSON.stringify(b));
				},
				[model, backend]
			);
			await page.goto('/workout/overhead-arm-reach?stats');
			await page.getByTestId('start-camera').click();
			await expect(page.getByTestId('tracking-status')).toHaveText('Tracking', {
				timeout: 240_000
			});
			// Measure over ~20 s of frames after the first tracked one.
			await page.evaluate(() =>
				(window as unknown as { __scapulaResetStats: () => void }).__scapulaResetStats()
			);
			await page.waitForTimeout(20_000);
			const stats = await page.evaluate(
				() => (window as unknown as { __scapulaStats: unknown }).__scapulaStats
			);
			mkdirSync(SCREENS, { recursive: true });
			appendFileSync(
				`${SCREENS}/bench.jsonl`,
				JSON.stringify({
					at: new Date().toISOString(),
					model,
					requested: backend,
					...(stats as object)
				}) + '\n'
			);
			console.log(`[bench] ${model}/${backend}: ${JSON.stringify(stats)}`);
		});
	}
});
