/**
 * Document Picture-in-Picture: a small always-on-top window the page fills with its own
 * elements (Chrome and Edge on computers, since version 116), so a person working in other apps
 * still sees the monitor. The API is not in TypeScript's DOM library yet: the part used here is
 * declared locally. https://wicg.github.io/document-picture-in-picture/
 */

export interface PipWindowOptions {
	/** Initial size, CSS px (the browser may clamp it). */
	width?: number;
	height?: number;
	/** Hide the "back to tab" button (we keep it: it is how people find the page again). */
	disallowReturnToOpener?: boolean;
}

export interface DocumentPictureInPicture extends EventTarget {
	/** Opens the window (needs a user gesture); a second call replaces the first window. */
	requestWindow(options?: PipWindowOptions): Promise<Window>;
	/** The window while one is open. */
	readonly window: Window | null;
}

/** The API where this browser has it (a secure context is needed), else null. */
export function documentPip(w: Window | undefined): DocumentPictureInPicture | null {
	if (!w || !w.isSecureContext) return null;
	const api = (w as Window & { documentPictureInPicture?: DocumentPictureInPicture })
		.documentPictureInPicture;
	return api && typeof api.requestWindow === 'function' ? api : null;
}

/**
 * Copies the page's style sheets into the small window, so what is mounted there looks as it
 * does on the page (the built app's CSS files, and any inline styles).
 */
export function copyStyles(from: Document, to: Document): void {
	for (const sheet of Array.from(from.styleSheets)) {
		const owner = sheet.ownerNode;
		if (owner instanceof Element) {
			to.head.append(to.importNode(owner, true));
		}
	}
	// The theme follows the page (a dark page, a dark window).
	to.documentElement.className = from.documentElement.className;
	const scheme = from.documentElement.style.colorScheme;
	if (scheme) to.documentElement.style.colorScheme = scheme;
}
