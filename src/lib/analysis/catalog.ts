/** The exercise catalog as the command-line analyser lists it (`--list`). Pure. */
import type { ExerciseDefinition } from '../engine/types';
import { EXERCISES } from '../exercises';

export interface CatalogEntry {
	id: string;
	name: string;
	/** Our 'side-hold' (a hold per side) is listed as a hold. */
	kind: 'rep' | 'hold' | 'timed';
	view: 'front' | 'side' | 'either';
	cameraChecked: boolean;
}

export function catalogEntry(def: ExerciseDefinition): CatalogEntry {
	return {
		id: def.id,
		name: def.name,
		kind: def.kind === 'side-hold' ? 'hold' : def.kind,
		view: def.view,
		cameraChecked: def.cameraChecked
	};
}

export function catalog(defs: readonly ExerciseDefinition[] = EXERCISES): CatalogEntry[] {
	return defs.map(catalogEntry);
}
