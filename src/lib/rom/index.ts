/** Range of motion in degrees: the measures (measures.ts) and their recording per rep (tracker.ts). */
export * from './measures';
export * from './tracker';
