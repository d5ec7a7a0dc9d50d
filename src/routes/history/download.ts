/**
 * Saves a file the app made (an export) through the browser's download: a Blob URL on a
 * temporary link. Nothing leaves the device; the URL is revoked once the download has started.
 */
import type { DownloadFile } from '../../lib/app/history.svelte';

export function downloadFile(file: DownloadFile, doc: Document = document): void {
	const url = URL.createObjectURL(new Blob([file.text], { type: `${file.type};charset=utf-8` }));
	const a = doc.createElement('a');
	a.href = url;
	a.download = file.name;
	a.rel = 'noopener';
	a.hidden = true;
	doc.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers; a minute is plenty.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
