import type { SafetyKind } from '../classifier/safety.js';
import { ticketStory } from '../dialog/story.js';
import { isUnsupportedLanguage } from '../language.js';
import { say, type SkillDeps, type SkillResult, type Turn } from './types.js';

/**
 * Danger, self-harm, a missing child, a threat in the building: what to do right now (the emergency
 * number and crisis line from library.yaml), and an urgent ticket so staff are told at once. Never a
 * yes/no question first, never the fallback.
 */
export async function safetySkill(turn: Turn, deps: SkillDeps, kind: SafetyKind, followUp = false): Promise<SkillResult> {
  const { language } = turn;
  const library = deps.calendar.library();
  const emergency = library.emergencyNumber ?? '911';
  const crisis = library.crisisLine ?? '988';
  const lines: Record<SafetyKind, [string, string]> = {
    'self-harm': [
      `I'm really glad you told me. If you might hurt yourself or are in danger now, call ${emergency}. You can call or text ${crisis} any time, day or night, to talk with someone who can help — it's free and confidential. If you're in the library, any staff member will stay with you and help right now.`,
      `Me alegra mucho que me lo haya dicho. Si podría hacerse daño o está en peligro ahora, llame al ${emergency}. Puede llamar o enviar un mensaje al ${crisis} a cualquier hora para hablar con alguien que puede ayudar (en español también); es gratis y confidencial. Si está en la biblioteca, cualquier empleado le ayudará ahora mismo.`,
    ],
    'missing-child': [
      `Tell the nearest library staff member right now — at any desk — so they can search the building and watch the exits. If you think your child may be in danger, call ${emergency} now.`,
      `Avise ahora mismo a cualquier empleado de la biblioteca, en cualquier mostrador, para que busquen en el edificio y vigilen las salidas. Si cree que su hijo o hija puede estar en peligro, llame al ${emergency} ya.`,
    ],
    threat: [
      `If you are in danger, call ${emergency} now. Move toward the nearest service desk or any staff member, or somewhere with other people around, and stay there.`,
      `Si está en peligro, llame al ${emergency} ahora. Vaya al mostrador de atención más cercano o con cualquier empleado, o a un lugar con más gente, y quédese allí.`,
    ],
    medical: [
      `Call ${emergency} now. Then tell the nearest staff member — staff are trained in first aid and can bring the first-aid kit and AED.`,
      `Llame al ${emergency} ahora. Después avise al empleado más cercano: el personal sabe primeros auxilios y puede traer el botiquín y el desfibrilador.`,
    ],
    danger: [
      `If you or someone else is in danger, call ${emergency} now. If you are thinking about hurting yourself, call or text ${crisis} any time. Tell any library staff member — they will help right away.`,
      `Si usted u otra persona está en peligro, llame al ${emergency} ahora. Si piensa en hacerse daño, llame o escriba al ${crisis} a cualquier hora. Avise a cualquier empleado de la biblioteca: le ayudarán de inmediato.`,
    ],
    shelter: [
      `If you have nowhere safe to stay tonight, call or text ${library.shelterLine ?? '211'} — they can find a shelter bed, food and other help near you, any time. If you are in danger, call ${emergency}; if you are struggling, you can call or text ${crisis}. Library staff can help you make the call.`,
      `Si no tiene un lugar seguro donde quedarse esta noche, llame o envíe un mensaje al ${library.shelterLine ?? '211'}: le ayudan a encontrar albergue, comida y otra ayuda cerca, a cualquier hora. Si está en peligro, llame al ${emergency}; si se siente mal, puede llamar o escribir al ${crisis}. El personal de la biblioteca puede ayudarle a llamar.`,
    ],
    fire: [
      `Leave the building now by the nearest exit and call ${emergency}. Pull a fire alarm on your way out if you can, and tell any staff member you see.`,
      `Salga del edificio ahora por la salida más cercana y llame al ${emergency}. Si puede, active una alarma de incendio al salir y avise a cualquier empleado.`,
    ],
  };
  // Still in the same emergency ("he's by the elevators now"): the message joins the urgent ticket already
  // open for this conversation (the inquiry service adds it), and the patron is told what to do again.
  if (followUp && turn.state.safety) {
    const number = turn.state.safety.ticketNumber;
    const text = `${say(language, ...lines[kind])} ${say(language, `Library staff have your messages (ticket ${number}).`, `El personal de la biblioteca tiene sus mensajes (ticket ${number}).`)}`;
    const state = { ...turn.state, lastIntent: 'handoff' as const, pending: undefined, safety: { kind, ticketNumber: number } };
    return { intent: 'handoff', outcome: 'answered', reply: { text, language }, details: { safety: true }, state };
  }
  const ticket = await deps.tickets.open({
    kind: 'handoff',
    subject: `URGENT — ${kind.replace('-', ' ')}: patron may need help now`,
    description: ticketStory(turn.safeText, turn.state, turn.safeText),
    intent: 'handoff',
    priority: 'urgent',
    ...(turn.branch ? { branchId: turn.branch.id } : {}),
    requester: { channel: turn.inquiry.channel, address: turn.inquiry.address, threadKey: turn.inquiry.threadKey },
    conversationId: turn.conversationId,
  });
  const alerted: [string, string] = [`I've alerted library staff (ticket ${ticket.number}).`, `He avisado al personal de la biblioteca (ticket ${ticket.number}).`];
  // Written in a language the library has no articles in: what to do now in both languages it has, and
  // staff alerted, who can find someone to read the message.
  const otherLanguage = isUnsupportedLanguage(turn.text);
  const text = otherLanguage ? `${lines[kind][0]} ${alerted[0]}\n\n${lines[kind][1]} ${alerted[1]}` : `${say(language, ...lines[kind])} ${say(language, ...alerted)}`;
  return {
    intent: 'handoff',
    outcome: 'ticket',
    reply: { text, language },
    ticket,
    details: { safety: true, ...(otherLanguage ? { unsupportedLanguage: true } : {}) },
    state: { ...turn.state, lastIntent: 'handoff', pending: undefined, safety: { kind, ticketNumber: ticket.number } },
  };
}
