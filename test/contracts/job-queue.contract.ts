import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JobQueueOf, JobRunInfo, JobSchemaMap } from '../../jobs/index.js';

/**
 * The suite every `JobQueue` engine must pass. Job names here are test-only: each engine receives this
 * schema map instead of the production `JOB_SCHEMAS`.
 */
export const CONTRACT_JOB_SCHEMAS = {
  'test.echo': z.object({ text: z.string().min(1) }),
  'test.other': z.object({ n: z.number().int() }),
} as const;

/** Same names, looser payloads: stands in for an older version that stored payloads now invalid. */
const LOOSE_JOB_SCHEMAS = {
  ...CONTRACT_JOB_SCHEMAS,
  'test.echo': z.object({ text: z.unknown() }),
} as const;

export interface JobQueueContractStorage {
  /**
   * A new queue instance on this storage, with fast retries (back-off of a few ms) and a short poll
   * interval. Each call is like a new process: a second call after closing the first is a restart.
   */
  open<S extends JobSchemaMap>(schemas: S): Promise<JobQueueOf<S>>;
  /** Closes every queue opened here and frees the storage. */
  dispose(): Promise<void>;
}

export interface JobQueueContractOptions {
  name: string;
  /** Fresh, empty storage for one test. */
  create(): Promise<JobQueueContractStorage>;
  /** False for storage that dies with the queue instance: the tests that open a second instance are skipped. */
  restart?: boolean;
  /** Skip the whole suite (a service is missing); the string is shown as the reason. */
  skip?: string | false;
}

/** Polls `check` until it holds; fails with `label` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, label: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Call<P> {
  payload: P;
  info: JobRunInfo;
  at: number;
}

type ContractQueue = JobQueueOf<typeof CONTRACT_JOB_SCHEMAS>;
type EchoPayload = z.output<(typeof CONTRACT_JOB_SCHEMAS)['test.echo']>;

export function runJobQueueContract(options: JobQueueContractOptions): void {
  const suite = options.skip ? describe.skip : describe;
  const restartIt = options.restart === false ? it.skip : it;

  suite(`JobQueue contract: ${options.name}${options.skip ? ` (skipped: ${options.skip})` : ''}`, () => {
    let storage: JobQueueContractStorage;

    beforeEach(async () => {
      storage = await options.create();
    });
    afterEach(async () => {
      await storage.dispose();
    });

    function open(): Promise<ContractQueue> {
      return storage.open(CONTRACT_JOB_SCHEMAS);
    }

    /** Records every run of `test.echo`; `behaviour` decides what each run does. */
    function recordEcho(queue: ContractQueue, behaviour?: (call: Call<EchoPayload>) => Promise<void>): Call<EchoPayload>[] {
      const calls: Call<EchoPayload>[] = [];
      queue.handle('test.echo', async (payload, info) => {
        const call = { payload, info, at: Date.now() };
        calls.push(call);
        await behaviour?.(call);
      });
      return calls;
    }

    /** A job enqueued last and awaited: once it ran, the worker has had its chance at everything before it. */
    async function barrier(queue: ContractQueue, seen: Call<EchoPayload>[], tag: string): Promise<void> {
      await queue.enqueue('test.echo', { text: `barrier-${tag}` }, { jobId: `barrier-${tag}` });
      await waitFor(() => seen.some((call) => call.payload.text === `barrier-${tag}`), `barrier ${tag} ran`);
    }

    const texts = (calls: Call<EchoPayload>[]) => calls.map((call) => call.payload.text).filter((text) => !text.startsWith('barrier-'));

    it('runs the handler with the payload, the attempt and the job id', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.start();
      await queue.enqueue('test.echo', { text: 'hello' }, { jobId: 'echo-1' });
      await queue.enqueue('test.echo', { text: 'no id' });
      await waitFor(() => calls.length === 2, 'both jobs ran');
      const named = calls.find((call) => call.payload.text === 'hello')!;
      expect(named.payload).toEqual({ text: 'hello' });
      expect(named.info).toEqual({ attempt: 1, jobId: 'echo-1' });
      const unnamed = calls.find((call) => call.payload.text === 'no id')!;
      expect(unnamed.info.jobId).toMatch(/\S/);
      expect(unnamed.info.jobId).not.toBe('echo-1');
      await waitFor(async () => (await queue.stateOf('test.echo', 'echo-1')) === 'completed', 'echo-1 completed');
      expect(queue.engine).toMatch(/^(bullmq|in-process)$/);
    });

    it('refuses an invalid payload or an unknown job name on enqueue, and stores nothing', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.start();
      await expect(queue.enqueue('test.echo', { text: 42 } as never, { jobId: 'bad' })).rejects.toMatchObject({
        code: 'LD_VALIDATION',
      });
      await expect(queue.enqueue('test.echo', { text: '' }, { jobId: 'empty' })).rejects.toMatchObject({ code: 'LD_VALIDATION' });
      await expect(queue.enqueue('test.nope' as never, {} as never)).rejects.toMatchObject({ code: 'LD_JOB_UNKNOWN' });
      await expect(queue.enqueue('test.echo', { text: 'x' }, { attempts: 0 })).rejects.toMatchObject({ code: 'LD_VALIDATION' });
      await expect(queue.enqueue('test.echo', { text: 'x' }, { delayMs: -5 })).rejects.toMatchObject({ code: 'LD_VALIDATION' });
      expect(() => queue.handle('test.nope' as never, async () => {})).toThrow(expect.objectContaining({ code: 'LD_JOB_UNKNOWN' }));
      await barrier(queue, calls, 'a');
      expect(texts(calls)).toEqual([]);
      expect(await queue.stateOf('test.echo', 'bad')).toBeUndefined();
    });

    restartIt('fails a job whose stored payload no longer matches its schema, and keeps working', async () => {
      const older = await storage.open(LOOSE_JOB_SCHEMAS);
      await older.enqueue('test.echo', { text: 42 }, { jobId: 'stale' });
      await older.close();

      const queue = await open();
      const calls = recordEcho(queue);
      await queue.start();
      await waitFor(async () => (await queue.stateOf('test.echo', 'stale')) === 'failed', 'stale job failed');
      await barrier(queue, calls, 'after-stale');
      expect(texts(calls)).toEqual([]);
    });

    it('runs a job once per jobId, even when enqueued again', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.enqueue('test.echo', { text: 'first' }, { jobId: 'dup' });
      await queue.enqueue('test.echo', { text: 'second' }, { jobId: 'dup' });
      await queue.start();
      await waitFor(async () => (await queue.stateOf('test.echo', 'dup')) === 'completed', 'dup completed');
      await queue.enqueue('test.echo', { text: 'third' }, { jobId: 'dup' });
      await barrier(queue, calls, 'dup');
      expect(texts(calls)).toEqual(['first']);
    });

    it('keeps job ids that look like numbers or hold colons apart', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.start();
      const ids = ['42', 'ticket:42', 'ticket%3A42', 'a:b:c'];
      for (const id of ids) await queue.enqueue('test.echo', { text: id }, { jobId: id });
      await waitFor(() => calls.length === ids.length, 'every id ran');
      expect(calls.map((call) => call.info.jobId).sort()).toEqual([...ids].sort());
      expect(calls.every((call) => call.info.jobId === call.payload.text)).toBe(true);
    });

    it('runs a delayed job no earlier than its delay', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.start();
      const delayMs = 500;
      const enqueuedAt = Date.now();
      await queue.enqueue('test.echo', { text: 'later' }, { jobId: 'later', delayMs });
      await queue.enqueue('test.echo', { text: 'now' }, { jobId: 'now' });
      await waitFor(() => calls.length === 2, 'both jobs ran');
      expect(texts(calls)).toEqual(['now', 'later']);
      // A few ms of slack: the engine may round the due time to its clock's millisecond.
      expect(calls[1]!.at - enqueuedAt).toBeGreaterThanOrEqual(delayMs - 10);
    });

    it('retries a failing job with back-off, then marks it failed', async () => {
      const queue = await open();
      const calls = recordEcho(queue, async (call) => {
        if (!call.payload.text.startsWith('barrier-')) throw new Error('the printer is on fire');
      });
      await queue.start();
      await queue.enqueue('test.echo', { text: 'doomed' }, { jobId: 'doomed', attempts: 3 });
      await waitFor(async () => (await queue.stateOf('test.echo', 'doomed')) === 'failed', 'doomed failed');
      await barrier(queue, calls, 'doomed');
      const tries = calls.filter((call) => call.payload.text === 'doomed');
      expect(tries.map((call) => call.info.attempt)).toEqual([1, 2, 3]);
      expect(tries.every((call) => call.info.jobId === 'doomed')).toBe(true);
    });

    it('retries until the handler succeeds', async () => {
      const queue = await open();
      const calls = recordEcho(queue, async (call) => {
        if (call.info.attempt < 3) throw new Error(`not yet (try ${call.info.attempt})`);
      });
      await queue.start();
      await queue.enqueue('test.echo', { text: 'eventually' }, { jobId: 'eventually', attempts: 5 });
      await waitFor(async () => (await queue.stateOf('test.echo', 'eventually')) === 'completed', 'eventually completed');
      expect(calls.map((call) => call.info.attempt)).toEqual([1, 2, 3]);
    });

    it('runs a job enqueued before start once started', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.enqueue('test.echo', { text: 'early' }, { jobId: 'early' });
      expect(await queue.stateOf('test.echo', 'early')).toBe('waiting');
      expect(calls).toEqual([]);
      await queue.start();
      await waitFor(() => calls.length === 1, 'early job ran');
      expect(calls[0]!.payload).toEqual({ text: 'early' });
    });

    it('runs only the jobs this worker has handlers for', async () => {
      const queue = await open();
      const calls = recordEcho(queue);
      await queue.start();
      await queue.enqueue('test.other', { n: 7 }, { jobId: 'other' });
      await barrier(queue, calls, 'other');
      expect(await queue.stateOf('test.other', 'other')).toBe('waiting');
    });

    restartIt('keeps a job across a restart: enqueued, closed unprocessed, run by a new instance', async () => {
      const first = await open();
      recordEcho(first);
      await first.enqueue('test.echo', { text: 'survivor' }, { jobId: 'survivor' });
      await first.enqueue('test.echo', { text: 'delayed survivor' }, { jobId: 'delayed-survivor', delayMs: 150 });
      await first.close();

      const second = await open();
      const calls = recordEcho(second);
      await second.start();
      await waitFor(() => calls.length === 2, 'both survivors ran');
      expect(texts(calls).sort()).toEqual(['delayed survivor', 'survivor']);
    });

    restartIt('close waits for the running job to finish', async () => {
      const queue = await open();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let finished = false;
      const calls = recordEcho(queue, async () => {
        await gate;
        finished = true;
      });
      await queue.start();
      await queue.enqueue('test.echo', { text: 'slow' }, { jobId: 'slow' });
      await waitFor(() => calls.length === 1, 'slow job started');

      let closed = false;
      const closing = queue.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(closed).toBe(false);
      release();
      await closing;
      expect(finished).toBe(true);

      const after = await open();
      expect(await after.stateOf('test.echo', 'slow')).toBe('completed');
    });

    it('refuses a second handler for a name, and handlers registered after start', async () => {
      const queue = await open();
      recordEcho(queue);
      expect(() => queue.handle('test.echo', async () => {})).toThrow(expect.objectContaining({ code: 'LD_CONFLICT' }));
      await queue.start();
      expect(() => queue.handle('test.other', async () => {})).toThrow(expect.objectContaining({ code: 'LD_CONFLICT' }));
      await queue.close();
      await queue.close();
    });
  });
}
