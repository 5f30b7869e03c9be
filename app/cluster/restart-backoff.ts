/** The first restart waits this long; each further one within the window waits twice as long as the last. */
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** Deaths further back than this no longer count: a process that ran a while had a one-off failure. */
const WINDOW_MS = 60_000;

/**
 * How long to wait before starting a web process again after one died: at once matters for a one-off
 * crash, but a process that dies at every start (a broken disk, a bad file) must not spin the machine.
 */
export function createRestartBackoff(now: () => number = Date.now) {
  let deaths: number[] = [];
  return {
    /** Records a death and returns the wait before the next start. */
    nextDelayMs(): number {
      const at = now();
      deaths = [...deaths.filter((time) => at - time < WINDOW_MS), at];
      return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (deaths.length - 1));
    },
  };
}
