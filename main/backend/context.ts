import type { Db } from '../db/connection.ts';
import type { Logger } from '../log.ts';
import type { OptimizerFault } from '../scheduler/generate.ts';

/** What every backend module works with. `db` is replaced when a backup is restored. */
export interface BackendContext {
  db: Db;
  readonly dataDir: string;
  readonly log: Logger;
  readonly fault: OptimizerFault | undefined;
  readonly now: () => Date;
  readonly generations: GenerationTracker;
}

/**
 * One user-started generation at a time (it can be cancelled), plus background shadow runs that
 * close() waits for.
 */
export class GenerationTracker {
  private current: AbortController | null = null;
  private readonly background = new Set<{ controller: AbortController; done: Promise<void> }>();

  get busy(): boolean {
    return this.current !== null;
  }

  /** Runs `work` as the one foreground generation; returns null when another one is running. */
  async foreground<T>(work: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | null> {
    if (this.current) return null;
    const controller = new AbortController();
    this.current = controller;
    try {
      return { value: await work(controller.signal) };
    } finally {
      this.current = null;
    }
  }

  cancel(): void {
    this.current?.abort();
  }

  /** Starts work that nobody awaits (shadow mode); its errors must be handled inside. */
  inBackground(work: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    const entry = { controller, done: Promise.resolve() };
    entry.done = work(controller.signal).finally(() => this.background.delete(entry));
    this.background.add(entry);
  }

  /** Resolves when every background run has finished. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background].map((b) => b.done));
  }

  /** Aborts everything and waits for it to stop. */
  async stop(): Promise<void> {
    this.current?.abort();
    for (const b of this.background) b.controller.abort();
    await this.settled();
  }
}

export const nowIso = (ctx: BackendContext): string => ctx.now().toISOString();
