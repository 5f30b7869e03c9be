import type { Branch } from '../../core/calendar.js';
import type { BranchFact } from '../classifier/branch-question.js';
import { createBranchFinder, type BranchFinder } from '../entities/branch-mention.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/** The knowledge article about getting here, linked from parking and directions answers. */
const GETTING_HERE_ARTICLE = 'parking';

function factLine(branch: Branch, fact: BranchFact, language: Turn['language']): string | undefined {
  const es = language === 'es';
  switch (fact) {
    case 'address':
      return branch.address ? `${branch.name}: ${branch.address}${branch.phone ? ` · ${es ? 'tel.' : 'phone'} ${branch.phone}` : ''}` : undefined;
    case 'phone':
      return branch.phone ? `${branch.name}: ${branch.phone}` : undefined;
    case 'parking': {
      const parking = es ? branch.parkingEs ?? branch.parking : branch.parking;
      return parking ? `${branch.name} (${branch.address ?? ''}): ${parking}` : undefined;
    }
    case 'directions': {
      const directions = es ? branch.directionsEs ?? branch.directions : branch.directions;
      return directions ? `${branch.name}, ${branch.address ?? ''}: ${directions}` : branch.address ? `${branch.name}: ${branch.address}` : undefined;
    }
  }
}

const finders = new WeakMap<SkillDeps['calendar'], BranchFinder>();
function branchFinder(calendar: SkillDeps['calendar']): BranchFinder {
  let finder = finders.get(calendar);
  if (!finder) finders.set(calendar, (finder = createBranchFinder(calendar)));
  return finder;
}

/** One fact for the branch named, or for every branch (there are few), under its heading. */
function factSection(turn: Turn, deps: SkillDeps, fact: BranchFact): string | undefined {
  const { language } = turn;
  const library = deps.calendar.library();
  // "is 200 river st main or eastside?": every branch the question names, so the patron can tell them apart.
  const named = branchFinder(deps.calendar).findAll(turn.text);
  const branches = named.length > 1 ? named : turn.branch ? [turn.branch] : deps.calendar.branches();
  const lines = branches.map((branch) => factLine(branch, fact, language)).filter((line): line is string => line !== undefined);
  const intro = {
    address: say(language, turn.branch ? 'Here is where to find us:' : 'Our branches:', turn.branch ? 'Aquí nos encuentra:' : 'Nuestras sucursales:'),
    phone: say(language, 'You can call us:', 'Puede llamarnos:'),
    parking: say(language, 'Parking:', 'Estacionamiento:'),
    directions: say(language, 'Getting here:', 'Cómo llegar:'),
  }[fact];
  if (fact === 'phone' && !turn.branch && library.phone) lines.unshift(say(language, `${library.name} (all branches): ${library.phone}`, `${library.name} (todas las sucursales): ${library.phone}`));
  return lines.length > 0 ? `${intro}\n${lines.join('\n')}` : undefined;
}

/**
 * Address, phone, parking and directions per branch, from library.yaml, in English or Spanish: the fact
 * asked for and any `more` asked in the same message ("how do I get there and where do I park?").
 */
export async function branchInfoSkill(turn: Turn, deps: SkillDeps, fact: BranchFact, more: BranchFact[] = []): Promise<SkillResult> {
  const { language } = turn;
  const library = deps.calendar.library();
  const sections = [fact, ...more.filter((other) => other !== fact)].map((asked) => factSection(turn, deps, asked)).filter((section): section is string => section !== undefined);
  const text = sections.length > 0 ? sections.join('\n\n') : say(language, `I don't have that on file; please call ${library.phone ?? 'the library'}.`, `No tengo ese dato; llame a ${library.phone ?? 'la biblioteca'}.`);
  const withArticle = fact === 'parking' || fact === 'directions';
  return {
    intent: 'faq',
    outcome: 'answered',
    reply: { text, language },
    ...(withArticle ? { articleId: GETTING_HERE_ARTICLE } : {}),
    details: { branchFact: fact },
    state: { ...turn.state, lastIntent: 'faq', lastFact: fact, lastFactBranch: turn.branch?.id, pending: undefined },
  };
}
