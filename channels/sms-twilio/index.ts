export { twilioInboundSchema, twilioStatusSchema, smsKeywordOf, smsKeywordOfMessage, resolveNumberedChoice, toSmsInquiry, asTwilioParams, type SmsKeyword, type TwilioInbound, type TwilioStatus } from './inbound.js';
export { verifyTwilioSignature, isValidTwilioSignature, twilioSignature, twilioWebhookUrl, type TwilioParams } from './verify.js';
export { createTwilioSmsSender, type TwilioSmsSenderOptions, type SmsOptOutPort, type RateCounter } from './outbound.js';
export { renderSmsReply, type RenderedSms, type SmsRenderOptions } from './render.js';
export { countSegments, splitSegments, smsEncodingOf, type SegmentCount, type SmsEncoding } from './segments.js';
export { keywordReply, twiml } from './keywords.js';
