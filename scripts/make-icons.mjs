/**
 * Renders the app icons (static/icons/*.png) from their SVG sources with the system Chromium,
 * since no image tool is installed here. Run after changing an icon: node scripts/make-icons.mjs
 *
 * icon.svg: rounded, for browsers and the install dialog ("any"). maskable.svg: full-bleed with
 * the mark inside the 80% safe circle, for launchers that crop their own shape.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const OUT = 'static/icons';
const jobs = [
	{ svg: 'icon.svg', png: 'icon-192.png', size: 192 },
	{ svg: 'icon.svg', png: 'icon-512.png', size: 512 },
	{ svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
	{ svg: 'maskable.svg', png: 'apple-touch-icon.png', size: 180 }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
try {
	const page = await browser.newPage();
	for (const job of jobs) {
		const svg = readFileSync(`${OUT}/${job.svg}`, 'utf8');
		await page.setViewportSize({ width: job.size, height: job.size });
		await page.setContent(
			`<html><body style="margin:0;background:transparent">` +
				svg.replace('<svg ', `<svg width="${job.size}" height="${job.size}" `) +
				`</body></html>`
		);
		await page.screenshot({ path: `${OUT}/${job.png}`, omitBackground: true });
		console.log(`${OUT}/${job.png}`);
	}
} finally {
	await browser.close();
}
