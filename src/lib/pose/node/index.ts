/** Node-only pose loading (never import this from browser code). */
export { createNodeEstimator, DEFAULT_MODEL_DIR, type NodeEstimatorOptions } from './estimator';
export { fileModelHandler } from './io';
export { decodeImage, decodeJpeg, imageTensor } from './image';
export { initNodeWasm, nodeWasmDir } from './wasm';
