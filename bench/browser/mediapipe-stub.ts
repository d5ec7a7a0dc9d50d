/**
 * Stands in for `@mediapipe/pose` in the bare-model page: pose-detection imports it at the top
 * level, but the page only runs the tfjs runtime, so nothing here is ever called.
 */
export const Pose = undefined;
export const POSE_CONNECTIONS = [];
export const VERSION = 'stub';
