export { createDiscordStaffApp, type DiscordStaffApp, type DiscordStaffDeps, type DiscordStaffOptions } from './discord-staff-app.js';
export { parseDiscordInteraction, type DiscordStaffInbound } from './inbound.js';
export { DEFERRED_EPHEMERAL, modalResponse, PONG, staffCommandDefinition } from './messages.js';
export { discordPublicKey, verifyDiscordSignature } from './verify.js';
