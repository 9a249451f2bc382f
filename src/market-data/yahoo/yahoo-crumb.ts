import type { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import { getCrumbClear } from 'yahoo-finance2/lib/getCrumb';

// Yahoo answers a crumb it no longer honours with HTTP 401 and
// {"finance":{"error":{"code":"Unauthorized","description":"Invalid Crumb"}}}; yahoo-finance2 throws
// that description as a plain Error, or an HTTPError with code 401 for another body.
const STALE_CRUMB = /invalid crumb|invalid cookie/i;

/** True when Yahoo refused the crumb or cookie that yahoo-finance2 cached. */
export function isStaleCrumb(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  return STALE_CRUMB.test(String(message)) || (name === 'HTTPError' && Number(code) === 401);
}

/**
 * Forgets the crumb and cookies yahoo-finance2 keeps in `jar`, once for the requests that found it
 * stale together: the library caches a crumb until its cookie expires and would otherwise send the
 * refused one until the process restarts.
 */
export class CrumbReset {
  private pending: Promise<void> | null = null;

  constructor(private readonly jar: ExtendedCookieJar) {}

  reset(): Promise<void> {
    this.pending ??= getCrumbClear(this.jar).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }
}
