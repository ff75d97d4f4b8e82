// Waiting with limits: Retry-After parsing, cancellable sleeps and an overall deadline, so no
// caller ever waits on Genesys longer than it agreed to.

import { GenesysOrgError } from './errors';

/**
 * Milliseconds a Retry-After header asks for: delta-seconds or an HTTP date. Undefined when the
 * header is absent or unreadable (the caller then falls back to its own back-off).
 */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === 'number' && Number.isFinite(text) && text >= 0) return text * 1000;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects as cancelled as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelledError(): GenesysOrgError {
  return new GenesysOrgError('cancelled', 'The Genesys Cloud request was cancelled.');
}

/** An operation's time budget; shared by its pages, retries and waits. */
export class Deadline {
  private readonly endsAt: number;

  constructor(
    private readonly budgetMs: number,
    private readonly what: string,
  ) {
    this.endsAt = Date.now() + budgetMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  expiredError(): GenesysOrgError {
    return new GenesysOrgError(
      'timeout',
      `Genesys Cloud did not finish ${this.what} within ${formatSeconds(this.budgetMs)}.`,
    );
  }

  /**
   * Settles with `work`, or rejects when the budget runs out or `signal` aborts, whichever is
   * first. `work` may still be running afterwards; its result is then ignored, and the SDK's
   * own request timeout ends it soon after.
   */
  race<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const remaining = this.remainingMs();
      if (remaining <= 0) {
        work.catch(() => undefined);
        reject(this.expiredError());
        return;
      }
      if (signal.aborted) {
        work.catch(() => undefined);
        reject(cancelledError());
        return;
      }
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        settle();
        reject(cancelledError());
      };
      const timer = setTimeout(() => {
        settle();
        reject(this.expiredError());
      }, remaining);
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
