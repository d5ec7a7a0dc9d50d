import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built app (vite preview) in Debian's Chromium. Playwright's own
 * browser download does not work here, so we point at /usr/bin/chromium (override with
 * CHROMIUM_PATH). Two projects differ only in launch flags: a fake camera fed by a real clip,
 * and no camera at all.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Port of the preview server: not 4173, the port `npm start` serves the app on, so a person can
 * use the app and run `npm test` at the same time. Never reuse a server that is already running:
 * `vite preview` lists the build's files when it starts, so a server from an older build answers
 * 404 for the new build's chunks and the app would not start. E2E_PORT picks another port when
 * this one is taken.
 */
const PORT = Number(process.env.E2E_PORT ?? 4318);
export const FAKE_CAMERA_FILE = 'tests/fixtures/generated/pose_1.y4m';

/** Flags measured to work headless as root in containers (see ../shared/docs/environment.md, outside this repository). */
const baseArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Keep timers and frame callbacks at full rate even when the page is not focused.
	'--disable-background-timer-throttling',
	'--disable-renderer-backgrounding',
	'--disable-backgrounding-occluded-windows'
];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/artifacts',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	// No retries: a flaky test must show up as a failure, not pass on its second try. Tests that
	// wait on a real model give it generous timeouts instead.
	retries: 0,
	// Software-rendered Chromium on two cores: model load plus a whole rep can take a minute.
	timeout: 180_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'fake-camera',
			testMatch: /(fake-camera|bench)\.spec\.ts/,
			use: {
				launchOptions: {
					executablePath,
					args: [
						...baseArgs,
						'--use-fake-ui-for-media-stream',
						'--use-fake-device-for-media-stream',
						`--use-file-for-fake-video-capture=${FAKE_CAMERA_FILE}`
					]
				}
			}
		},
		{
			name: 'no-camera',
			testMatch: /no-camera\.spec\.ts/,
			use: { launchOptions: { executablePath, args: baseArgs } }
		}
	],
	webServer: {
		// `npm test` builds before the e2e step; set E2E_SKIP_BUILD=1 there to build only once.
		command: process.env.E2E_SKIP_BUILD
			? `npx vite preview --port ${PORT} --strictPort`
			: `npm run build && npx vite preview --port ${PORT} --strictPort`,
		port: PORT,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
