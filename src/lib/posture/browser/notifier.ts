/**
 * Desktop notifications, asked for politely: never on page load, only when the person presses
 * the button that says what they are for; a refusal is remembered by the browser and the page
 * just says so. Notifications are sent only while the page is not in front (hidden, or another
 * window has the focus), since the on-page banner says the same thing otherwise.
 */

export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported';

/** The parts of the Notification API used (injectable for tests). */
export interface NotificationApi {
	readonly permission: NotificationPermission;
	requestPermission(): Promise<NotificationPermission>;
	new (title: string, options?: NotificationOptions): { close(): void; onclick: unknown };
}

export function browserNotifications(): NotificationApi | null {
	return typeof Notification === 'undefined' ? null : (Notification as unknown as NotificationApi);
}

export class Notifier {
	readonly #api: NotificationApi | null;
	permission: NotifyPermission;

	constructor(api: NotificationApi | null = browserNotifications()) {
		this.#api = api;
		this.permission = api ? api.permission : 'unsupported';
	}

	/** Asks once, from a click. Returns the new permission. */
	async request(): Promise<NotifyPermission> {
		if (!this.#api) return 'unsupported';
		try {
			this.permission = await this.#api.requestPermission();
		} catch {
			this.permission = this.#api.permission;
		}
		return this.permission;
	}

	/**
	 * Shows a notification if allowed; `tag` replaces an earlier one of the same kind instead of
	 * piling up. Clicking it brings the page to the front. Returns whether one was shown.
	 */
	show(title: string, body: string, tag: string, onClick?: () => void): boolean {
		if (!this.#api || this.#api.permission !== 'granted') return false;
		try {
			const n = new this.#api(title, { body, tag, silent: true, icon: '/icons/icon-192.png' });
			n.onclick = () => {
				onClick?.();
				n.close();
			};
			return true;
		} catch {
			// Some browsers only allow notifications from a service worker; the banner remains.
			return false;
		}
	}
}
