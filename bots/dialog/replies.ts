import { foldText } from '../text/normalize.js';

/** Short answers to a yes/no question, in English and Spanish, as patrons type them. */
const YES = /^(yes|y|ya|yeah|yep|yup|yes please|sure|ok|okay|please|please do|do it|go ahead|of course|si|claro|dale|por favor|vale|correct|right)\b/;
const NO = /^(no|n|nope|nah|not now|no thanks|no thank you|dont|do not|never mind|no gracias|todavia no)\b/;

export function isYes(text: string): boolean {
  return YES.test(foldText(text).replace(/[^a-z0-9 ]/g, '').trim());
}

export function isNo(text: string): boolean {
  return NO.test(foldText(text).replace(/[^a-z0-9 ]/g, '').trim());
}

/** "cancel", "start over", "never mind": the whole message, so "cancel my hold" stays a hold request. */
const RESET = /^(cancel|cancel that|start over|start again|restart|reset|never ?mind|forget it|stop that|quit|cancelar|empezar de nuevo|olvidalo|olvidelo)$/;

export function isReset(text: string): boolean {
  return RESET.test(foldText(text).replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim());
}
