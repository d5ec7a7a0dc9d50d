/**
 * Makes the fake-camera clip: Chromium's fake capture device reads .y4m (raw YUV) files, which
 * are big (~75 MB for 4 s), so we keep the small MP4 in git and convert it here when missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const SOURCE = 'tests/fixtures/media/tfjs_pose_1.mp4';
export const Y4M = 'tests/fixtures/generated/pose_1.y4m';

export default function globalSetup(): void {
	if (existsSync(Y4M) && statSync(Y4M).mtimeMs >= statSync(SOURCE).mtimeMs) return;
	mkdirSync(dirname(Y4M), { recursive: true });
	try {
		execFileSync(
			'ffmpeg',
			['-y', '-loglevel', 'error', '-i', SOURCE, '-vf', 'scale=640:-2', '-pix_fmt', 'yuv420p', Y4M],
			{ stdio: 'inherit' }
		);
	} catch (e) {
		throw new Error(
			`Could not convert ${SOURCE} to ${Y4M} with ffmpeg (apt-get install -y ffmpeg): ${String(e)}`
		);
	}
}
