import type { Intent } from '../../core/intents.js';
import type { HoursContext } from '../dialog/state.js';
import { catalogSkill, locationSkill } from './catalog-skill.js';
import { accountSkill } from './account.js';
import { equipmentSkill } from './equipment.js';
import { eventsSkill } from './events.js';
import { faqSkill, type ArticleCandidate } from './faq.js';
import { handoffSkill, openStaffTicket } from './handoff.js';
import { holdSkill } from './hold.js';
import { hoursSkill } from './hours.js';
import { renewSkill } from './renew.js';
import { smalltalkSkill } from './smalltalk.js';
import type { SkillDeps, SkillResult, Turn } from './types.js';
import { unknownSkill } from './unknown.js';

/** What the router already knows when it picks a skill. */
export interface SkillExtras {
  /** The knowledge base's best articles for the message, best first. */
  articles?: ArticleCandidate[];
  /** How sure the classifier is of the intent: a sure FAQ question with weak article matches offers them rather than giving up. */
  intentConfidence?: number;
  previousHours?: HoursContext;
}

/**
 * The one place that says which skill answers which intent. Requests the assistant cannot carry out
 * itself (account, renew, hold, ILL, and the catalog until a catalog is connected) go to staff as a
 * ticket: a real route, never a made-up answer. With a CatalogPort, catalog and location use the catalog
 * skills.
 */
export async function runSkill(intent: Intent, turn: Turn, deps: SkillDeps, extras: SkillExtras = {}): Promise<SkillResult> {
  switch (intent) {
    case 'hours':
      return hoursSkill(turn, deps, extras.previousHours);
    case 'faq':
      return faqSkill(turn, deps, extras.articles, extras.intentConfidence);
    case 'equipment':
      return equipmentSkill(turn, deps);
    case 'events':
      return eventsSkill(turn, deps);
    case 'handoff':
      return handoffSkill(turn, deps);
    case 'smalltalk':
      return smalltalkSkill(turn, deps);
    case 'unknown':
      return unknownSkill(turn, deps);
    case 'catalog':
    case 'location': {
      if (!deps.catalog) return openStaffTicket(turn, deps, intent, turn.safeText);
      return intent === 'catalog' ? catalogSkill(turn, deps) : locationSkill(turn, deps);
    }
    // With an ILS these act on the verified patron's account; without one they go to staff.
    case 'account':
      return accountSkill(turn, deps);
    case 'renew':
      return renewSkill(turn, deps);
    case 'hold':
      return holdSkill(turn, deps);
    case 'ill':
      return openStaffTicket(turn, deps, intent, turn.safeText);
  }
}
