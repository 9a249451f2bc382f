import {
  InvalidResponseError,
  ProviderUnavailableError,
  RateLimitedError,
  SymbolNotFoundError,
} from '../provider-errors.js';
import { describeError, errorForStatus, mapYahooError, parseRetryAfter } from './yahoo-error-mapper.js';

/** Mimics yahoo-finance2's error classes, which the package does not export. */
const libraryError = (name: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it.each([
    ['2', 2000],
    [' 120 ', 120_000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
    ['soon', null],
    ['', null],
    [null, null],
  ])('%p -> %p', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('errorForStatus', () => {
  it('classifies only the statuses a retry can cure', () => {
    expect(errorForStatus(429, '3', 'AAPL')).toEqual(expect.objectContaining({ name: 'RateLimitedError', retryAfterMs: 3000 }));
    expect(errorForStatus(408, null, 'AAPL')).toBeInstanceOf(ProviderUnavailableError);
    expect(errorForStatus(500, null, 'AAPL')).toBeInstanceOf(ProviderUnavailableError);
    expect(errorForStatus(599, null, 'AAPL')).toBeInstanceOf(ProviderUnavailableError);
    expect(errorForStatus(200, null, 'AAPL')).toBeNull();
    expect(errorForStatus(404, null, 'AAPL')).toBeNull();
    expect(errorForStatus(400, null, 'AAPL')).toBeNull();
  });
});

describe('describeError', () => {
  const systemError = (message: string, code: string, syscall?: string) => Object.assign(new Error(message), { code, syscall });

  it('gives the reason undici hides behind "fetch failed", without the address it resolved', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: systemError('connect ECONNREFUSED 10.1.2.3:443', 'ECONNREFUSED', 'connect') });
    expect(describeError(refused)).toBe('connect ECONNREFUSED');
    const unknownHost = Object.assign(new TypeError('fetch failed'), { cause: systemError('getaddrinfo ENOTFOUND query2.finance.yahoo.com', 'ENOTFOUND', 'getaddrinfo') });
    expect(describeError(unknownHost)).toBe('getaddrinfo ENOTFOUND');
    expect(describeError(Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }))).toBe('bad port');
  });

  it('keeps the message and adds a code that has no system call', () => {
    expect(describeError(systemError('other side closed', 'UND_ERR_SOCKET'))).toBe('other side closed (UND_ERR_SOCKET)');
    expect(describeError(new DOMException('This operation was aborted', 'AbortError'))).toBe('This operation was aborted');
    expect(describeError('down')).toBe('down');
  });
});

describe('mapYahooError', () => {
  it('maps Yahoo’s 404 description to SymbolNotFoundError', () => {
    const error = new Error('No data found, symbol may be delisted');
    const mapped = mapYahooError(error, 'ZZZZ');
    expect(mapped).toBeInstanceOf(SymbolNotFoundError);
    expect(mapped.retryable).toBe(false);
    expect(mapped.message).toContain('ZZZZ');
    expect(mapped.cause).toBe(error);
  });

  it.each([
    'Quote not found for symbol: NOSUCHSYMBOL',
    'Quote not found for ticker symbol: NOSUCHSYMBOL',
    'No fundamentals data found for any of the summaryTypes=assetProfile,price',
  ])('maps quoteSummary’s 404 description %p to SymbolNotFoundError', (message) => {
    expect(mapYahooError(new Error(message), 'NOSUCHSYMBOL')).toBeInstanceOf(SymbolNotFoundError);
  });

  it('maps HTTPError by its status code', () => {
    const limited = mapYahooError(libraryError('HTTPError', 'Too Many Requests', { code: 429 }), 'AAPL');
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBeNull();
    expect(mapYahooError(libraryError('HTTPError', 'Bad Gateway', { code: 502 }), 'AAPL')).toEqual(
      expect.objectContaining({ name: 'ProviderUnavailableError', message: 'Yahoo request for AAPL failed: HTTP 502' }),
    );
    expect(mapYahooError(libraryError('HTTPError', 'Forbidden', { code: 403 }), 'AAPL')).toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('maps network failures, aborts and timeouts to ProviderUnavailableError', () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', syscall: 'connect' }),
    });
    const mapped = mapYahooError(refused, 'AAPL');
    expect(mapped).toBeInstanceOf(ProviderUnavailableError);
    expect(mapped.message).toBe('Yahoo request for AAPL failed: connect ECONNREFUSED');
    expect(mapYahooError(new DOMException('signal timed out', 'TimeoutError'), 'AAPL')).toBeInstanceOf(
      ProviderUnavailableError,
    );
    expect(mapYahooError(new DOMException('aborted', 'AbortError'), 'AAPL')).toBeInstanceOf(ProviderUnavailableError);
    expect(mapYahooError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'AAPL')).toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('maps validation failures, bad JSON and rejected requests to InvalidResponseError', () => {
    const validation = libraryError('FailedYahooValidationError', 'Failed Yahoo Schema validation', {
      errors: [{ instancePath: '/meta/currency', message: 'Expected a string' }],
    });
    const mapped = mapYahooError(validation, 'LUCYW');
    expect(mapped).toBeInstanceOf(InvalidResponseError);
    expect(mapped.message).toContain('/meta/currency Expected a string');

    const badJson = new Error('Response.ok where we expect JSON, but the response was not parsable.');
    expect(mapYahooError(badJson, 'AAPL')).toBeInstanceOf(InvalidResponseError);
    // A TypeError from the library's own parsing is about the data, not the network.
    expect(mapYahooError(new TypeError("Cannot read properties of undefined (reading 'timestamp')"), 'AAPL')).toBeInstanceOf(
      InvalidResponseError,
    );
    expect(mapYahooError(libraryError('BadRequestError', 'Invalid input'), 'AAPL')).toBeInstanceOf(InvalidResponseError);
    expect(mapYahooError(libraryError('InvalidOptionsError', 'bad options'), 'AAPL')).toBeInstanceOf(InvalidResponseError);
    expect(mapYahooError('a string', 'AAPL')).toBeInstanceOf(InvalidResponseError);
  });

  it('passes the provider’s own errors through untouched', () => {
    const limited = new RateLimitedError('slow down', 1500);
    expect(mapYahooError(limited, 'AAPL')).toBe(limited);
  });
});
