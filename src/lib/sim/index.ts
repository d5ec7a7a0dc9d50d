/**
 * Scapula's stick-figure simulator: synthetic pose keypoints with known ground truth, for unit
 * tests, the accuracy benchmark and the UI demonstration. Pure TypeScript (runs in Node).
 *
 * skeleton.ts  proportions, postures (joint angles), forward kinematics to 3D keypoints
 * camera.ts    projection to pixels, occlusion-aware scores
 * noise.ts     seeded PRNG and pose-model-like noise
 * motion.ts    keyframes, reps, holds, idle sway, walking in
 * postures.ts  named postures for the exercises
 * trace.ts     sampling to PoseFrames, pose-trace JSON
 */
export * from './skeleton';
export * from './camera';
export * from './noise';
export * from './motion';
export * from './postures';
export * from './trace';
export type { Vec3 } from './vec3';
