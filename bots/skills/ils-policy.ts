import { faqSkill } from './faq.js';
import type { SkillDeps, SkillResult, Turn } from './types.js';

/** A rules question that reached an account skill: the knowledge base answers it, nothing is asked of the ILS. */
export async function runFaqInstead(turn: Turn, deps: SkillDeps): Promise<SkillResult> {
  return faqSkill(turn, deps);
}
