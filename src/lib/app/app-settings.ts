/** The app's one Settings instance, created on first use in the browser. */
import { DEFAULT_MODEL, MODEL_IDS } from '$lib/pose/models';
import { Settings } from './settings.svelte';

let instance: Settings | null = null;

export function appSettings(): Settings {
	instance ??= new Settings({ models: MODEL_IDS, defaultModel: DEFAULT_MODEL });
	return instance;
}
