import type { SymbolError } from './job.js';
import { failureSummary } from './failure-summary.js';

const refused = (symbol: string, attempts = 3): SymbolError => ({
  symbol,
  kind: 'ProviderUnavailableError',
  error: `GET 127.0.0.1:9/v8/finance/chart/${symbol} failed: connect ECONNREFUSED (${attempts} attempts)`,
  attempts,
});
const unknown = (symbol: string): SymbolError => ({
  symbol,
  kind: 'SymbolNotFoundError',
  error: `Yahoo has no data for ${symbol}: No data found, symbol may be delisted`,
  attempts: 1,
});

describe('failureSummary', () => {
  it('is empty when nothing failed', () => {
    expect(failureSummary([])).toBe('');
  });

  it('groups failures by kind and by their text with the symbol left out, largest group first', () => {
    const errors = [unknown('ZZZZ'), ...['AAPL', 'A', 'BTC-USD'].map((s) => refused(s))];
    expect(failureSummary(errors)).toBe(
      'ProviderUnavailableError ×3 (GET 127.0.0.1:9/v8/finance/chart/… failed: connect ECONNREFUSED (3 attempts)), ' +
        'SymbolNotFoundError ×1 (Yahoo has no data for …: No data found, symbol may be delisted)',
    );
  });

  it('leaves out a symbol however Yahoo’s path encodes it, and only where it stands alone', () => {
    const index: SymbolError = { ...refused('^GSPC'), error: 'GET h/v8/finance/chart/%5EGSPC failed: HTTP 503 (3 attempts)' };
    const short: SymbolError = { ...refused('P'), error: 'GET h/v8/finance/chart/P failed: HTTP 503 (3 attempts)' };
    expect(failureSummary([index, short])).toBe('ProviderUnavailableError ×2 (GET h/v8/finance/chart/… failed: HTTP 503 (3 attempts))');
  });

  it('stays one bounded line however many different reasons there are', () => {
    const errors = Array.from({ length: 1000 }, (_, i) => ({ ...unknown(`S${i}`), error: `answer ${i} was odd` }));
    const summary = failureSummary(errors);
    expect(summary).toMatch(/^SymbolNotFoundError ×1 \(answer 0 was odd\), .*, and 997 more reasons$/);
    expect(summary.length).toBeLessThan(200);
  });
});
