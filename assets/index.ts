export { createAssetsRepository } from './assets.repository.js';
export { DEMO_ASSETS } from './demo-assets.js';
