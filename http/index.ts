export { buildHttpApp, DEFAULT_BODY_LIMIT, DEFAULT_SSE_HEARTBEAT_MS } from './app.js';
export { helpArticleUrl } from './routes/help-pages.js';
export type { DependencyState, HealthReport, HttpDeps, HttpOptions, RateLimitOptions } from './http-deps.js';
