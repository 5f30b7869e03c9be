import { expect } from 'vitest';
import { runStaffChannelStoresContract } from '../contracts/staff-channel-stores.contract.js';
import { createFakeStaffDirectory, createFakeStaffInbox, createFakeTicketThreads } from './fake-staff-channels.js';

// One shared store per test, as a database would be: the suite builds several views of it with different clocks.
let threads: ReturnType<typeof createFakeTicketThreads> | undefined;
let inbox: ReturnType<typeof createFakeStaffInbox> | undefined;
let current = '';

runStaffChannelStoresContract('in-memory fakes', () => {
  const name = expect.getState().currentTestName ?? '';
  if (name !== current) {
    current = name;
    threads = createFakeTicketThreads();
    inbox = createFakeStaffInbox();
  }
  return {
    threads: (clock) => threads!.withClock(clock),
    inbox: (clock) => inbox!.withClock(clock),
    directory: async (members) => createFakeStaffDirectory(members.filter((member) => !member.disabled)),
  };
});
