import { killAllChildren, killTransient } from './children';

export class InterruptedError extends Error {
  constructor(signal: string) {
    super(`interrupted by ${signal}; tore down what was set up`);
    this.name = 'InterruptedError';
  }
}

/**
 * The first SIGINT/SIGTERM kills the running pgbench and makes every awaited step fail, so the
 * caller's finally tears down (gateway, pgbouncer, databases). A second one exits at once.
 */
export class Interrupt {
  isInterrupted = false;
  private signal = '';
  private readonly waiters = new Set<(e: Error) => void>();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.isInterrupted) {
      console.error(`\nbench:pg: second ${signal}: exiting without teardown; the next run drops the bench databases`);
      killAllChildren();
      process.exit(130);
    }
    this.isInterrupted = true;
    this.signal = signal;
    console.error(`\nbench:pg: ${signal} received, stopping and tearing down (again to exit at once)`);
    killTransient();
    for (const reject of this.waiters) reject(new InterruptedError(signal));
    this.waiters.clear();
  };

  constructor() {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  throwIfInterrupted(): void {
    if (this.isInterrupted) throw new InterruptedError(this.signal);
  }

  /** The promise's outcome, or an InterruptedError as soon as a signal arrives. */
  race<T>(promise: Promise<T>): Promise<T> {
    this.throwIfInterrupted();
    return new Promise<T>((resolve, reject) => {
      this.waiters.add(reject);
      promise.then(
        (value) => (this.waiters.delete(reject), resolve(value)),
        (error: unknown) => (this.waiters.delete(reject), reject(error)),
      );
    });
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
