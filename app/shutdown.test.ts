import { describe, expect, it, vi } from 'vitest';
import { closeParts } from './shutdown.js';

describe('closeParts', () => {
  it('closes the parts last-opened first', async () => {
    const order: string[] = [];
    const part = (name: string) => ({ part: name, close: () => void order.push(name) });
    await closeParts([part('database'), part('jobs'), part('sweep')], { warn: vi.fn() });
    expect(order).toEqual(['sweep', 'jobs', 'database']);
  });

  it('goes on past a part that never closes or fails, and names it in the log', async () => {
    const warn = vi.fn();
    const databaseClosed = vi.fn();
    await closeParts(
      [
        { part: 'database', close: databaseClosed },
        { part: 'jobs', close: () => new Promise<void>(() => {}) },
        { part: 'mail', close: () => Promise.reject(new Error('socket gone')) },
      ],
      { warn },
      20,
    );
    expect(databaseClosed).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ part: 'mail' }), 'failed to close at shutdown');
    expect(warn).toHaveBeenCalledWith({ part: 'jobs', graceMs: 20 }, 'did not close in time; shutting down without it');
  });
});
