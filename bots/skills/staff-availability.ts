import type { LibraryCalendarWithHelpers } from '../../core/calendar.js';
import type { Language } from '../../core/knowledge.js';
import { describeInstant } from '../format.js';
import { say } from './types.js';

/**
 * When a person will read the patron's message: "now" while any branch is open, else the next opening,
 * so nobody waits at night for an answer that comes at nine.
 */
export function whenStaffAnswer(calendar: LibraryCalendarWithHelpers, now: Date, language: Language): string {
  const availability = calendar.staffAvailableAt(now);
  if (availability.available) return say(language, 'A staff member will answer shortly.', 'Un miembro del personal le responderá en breve.');
  if (availability.nextAvailableAt) {
    const when = describeInstant(availability.nextAvailableAt, now, calendar.timeZone, language);
    return say(language, `We're closed right now; staff will answer when we open ${when}.`, `Ahora estamos cerrados; el personal le responderá cuando abramos ${when}.`);
  }
  return say(language, 'Staff will answer as soon as the library reopens.', 'El personal le responderá cuando la biblioteca vuelva a abrir.');
}
