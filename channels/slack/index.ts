export { createSlackStaffApp, type SlackStaffApp, type SlackStaffAppDeps, type SlackStaffAppOptions } from './slack-app.js';
export { parseSlackRequest, type SlackInbound, type SlackIgnoreReason, type SlackSelf } from './inbound.js';
export { signSlackRequest, verifySlackSignature } from './verify.js';
