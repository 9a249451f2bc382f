import type { CoveredSpan, SeriesCoverage } from '../../storage/bar-store.js';

/** A time range `[from, to)` in epoch ms. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface FetchPlan {
  /** What to ask the provider for, oldest first. */
  requests: TimeRange[];
  /** The whole window is asked for: an answer without a valid bar then fails the symbol. */
  whole: boolean;
  /** The span to record as complete with the answers' bars, once every request succeeded; null to keep what the series has. */
  covered: CoveredSpan | null;
}

/**
 * What of `window` to fetch, given the series' coverage: the series holds every provider bar from
 * `coverage.from` to its newest bar (only that bar itself when no start was recorded). The head of
 * the window before that span and its tail from the newest bar on (refreshing a still-forming bar)
 * are asked for; what the span holds is not. A head that comes back empty is still recorded as
 * covered, so a window starting on a weekend or before the listing asks for it only once. The
 * span reaches through the window's end, or the newest bar when that is later.
 */
export function planFetch(window: TimeRange, coverage: SeriesCoverage | null): FetchPlan {
  const { from, to } = window;
  // Nothing stored in or after the window's start: fetch it whole, and it becomes the complete span.
  if (coverage === null || coverage.newest < from) return { requests: [window], whole: true, covered: { from, through: to - 1 } };
  const start = coverage.from ?? coverage.newest;
  // The window ends before the complete span: fetching it cannot join that span.
  if (to <= start) return { requests: [window], whole: true, covered: null };
  const head = from < start ? [{ from, to: start }] : [];
  const tail = coverage.newest < to ? [{ from: coverage.newest, to }] : [];
  const requests = head.length && tail.length && head[0].to === tail[0].from ? [window] : [...head, ...tail];
  const coveredFrom = from < start ? from : coverage.from === null ? start : null;
  const covered = coveredFrom === null ? null : { from: coveredFrom, through: Math.max(to - 1, coverage.newest) };
  return { requests, whole: false, covered };
}
