export { discordMessageSchema, discordButtonSchema, toDiscordInquiry, toDiscordButtonInquiry, discordThreadKey, QUICK_REPLY_PREFIX, type DiscordMessage, type DiscordButton } from './inbound.js';
export { ignoreReasonFor, isAnswerableMessage, type DiscordPlaceRules, type IgnoreReason } from './verify.js';
export { createDiscordSender, createDiscordRest, renderDiscordMessage, acknowledgeButton, type DiscordSenderOptions } from './outbound.js';
export { createDiscordReceiver, type DiscordReceiver, type ReceiveOutcome } from './receiver.js';
export { createDiscordGateway, type DiscordGatewayOptions } from './gateway.js';
