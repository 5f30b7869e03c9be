import { DateTime } from 'luxon';
import type { LibraryCalendar } from '../../core/calendar.js';
import type { Clock } from '../../core/clock.js';
import type { DeliveryPort } from '../../core/delivery.js';
import type { JobQueue } from '../../core/jobs.js';
import type { Logger } from '../../core/logger.js';
import type { DueLoan, NoticesRepository } from './notices.repository.js';

export interface IlsNoticesDeps {
  repository: NoticesRepository;
  delivery: DeliveryPort;
  calendar: LibraryCalendar;
  jobs: Pick<JobQueue, 'enqueue'>;
  clock: Clock;
  logger: Logger;
  libraryName: string;
  /** Remind this many days before the due date (three by default). */
  daysAhead?: number;
  /** Local time the daily run starts, HH:mm (09:00 by default: nobody gets a text at night). */
  runAt?: string;
}

type Target = { channel: 'sms' | 'email'; address: string };

/** The patron's preferred channel, else whichever contact the ILS has. */
function targetOf(patron: DueLoan['patron']): Target | undefined {
  if (patron.preferredChannel === 'email' && patron.email) return { channel: 'email', address: patron.email };
  if (patron.phone) return { channel: 'sms', address: patron.phone };
  if (patron.email) return { channel: 'email', address: patron.email };
  return undefined;
}

/**
 * Daily notices from the embedded ILS: a due-soon reminder `daysAhead` days before the due date, on the
 * patron's preferred channel, ending "Reply RENEW" (a bare RENEW renews everything; the renew skill asks
 * for card and PIN first unless the number is already verified); and a notice when a hold is ready.
 * Each loan and hold is marked when told, so a rerun or a retried job sends nothing twice; a renewal
 * clears the mark so the new due date gets its own reminder.
 */
export function createIlsNotices(deps: IlsNoticesDeps) {
  const { repository, delivery, calendar, clock, logger } = deps;
  const daysAhead = deps.daysAhead ?? 3;
  const [hour, minute] = (deps.runAt ?? '09:00').split(':').map(Number) as [number, number];
  const zone = calendar.timeZone;
  const dayText = (date: Date) => DateTime.fromJSDate(date, { zone }).toFormat('ccc, LLL d');

  async function send(target: Target, text: string): Promise<void> {
    const conversationId = await repository.conversationFor(target.channel, target.address, clock.now());
    await delivery.deliver({ conversationId, kind: 'notice', origin: 'system', author: 'notices', reply: { text, language: 'en' } });
  }

  async function dueSoon(day: string): Promise<number> {
    const start = DateTime.fromISO(day, { zone }).plus({ days: daysAhead }).startOf('day');
    const loans = await repository.dueLoansWithoutNotice(start.toJSDate(), start.plus({ days: 1 }).toJSDate());
    const byPatron = new Map<string, DueLoan[]>();
    for (const loan of loans) byPatron.set(loan.patron.id, [...(byPatron.get(loan.patron.id) ?? []), loan]);
    let sent = 0;
    for (const group of byPatron.values()) {
      const target = targetOf(group[0]!.patron);
      if (!target) continue;
      const titles = group.map((loan) => loan.title);
      const what = titles.length === 1 ? titles[0] : titles.length === 2 ? `${titles[0]} and ${titles[1]}` : `${titles[0]} and ${titles.length - 1} other items`;
      await send(target, `${deps.libraryName}: ${what} ${titles.length === 1 ? 'is' : 'are'} due ${dayText(group[0]!.dueAt)}. Reply RENEW to renew ${titles.length === 1 ? 'it' : 'them'}.`);
      await repository.markLoansNoticed(group.map((loan) => loan.loanId), clock.now());
      sent += 1;
    }
    return sent;
  }

  async function holdsReady(): Promise<number> {
    let sent = 0;
    for (const hold of await repository.readyHoldsWithoutNotice()) {
      const target = targetOf(hold.patron);
      if (!target) continue;
      const branch = calendar.branches().find((entry) => entry.id === hold.pickupBranchId)?.name ?? hold.pickupBranchId;
      const until = hold.pickupBy ? ` until ${dayText(hold.pickupBy)}` : '';
      await send(target, `${deps.libraryName}: ${hold.title} is ready for you at ${branch}${until}.`);
      await repository.markHoldNoticed(hold.holdId, clock.now());
      sent += 1;
    }
    return sent;
  }

  /** The next run at `runAt` local time; the job id is the day, so scheduling twice runs once. */
  async function scheduleNext(): Promise<void> {
    const now = DateTime.fromJSDate(clock.now(), { zone });
    let at = now.set({ hour, minute, second: 0, millisecond: 0 });
    if (at <= now) at = at.plus({ days: 1 });
    const day = at.toISODate()!;
    await deps.jobs.enqueue('ils.notices', { day }, { jobId: `ils-notices-${day}`, delayMs: Math.max(0, at.toMillis() - now.toMillis()) });
  }

  return {
    async run(payload: { day: string }): Promise<{ dueSoon: number; holdsReady: number }> {
      const report = { dueSoon: await dueSoon(payload.day), holdsReady: await holdsReady() };
      logger.info(report, 'library notices sent');
      await scheduleNext();
      return report;
    },
    scheduleNext,
  };
}
