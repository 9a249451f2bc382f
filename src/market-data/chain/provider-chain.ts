import { Logger } from '@nestjs/common';
import type { MarketDataProvider, ProviderMethod } from '../market-data-provider.js';
import { DatasetUnsupportedError, ProviderAuthError, SymbolNotFoundError } from '../provider-errors.js';
import type { ProviderRequest } from '../retry/resilient-provider.js';
import { attemptsOf } from '../retry/resilient-provider.js';
import type { QuotesAnswer, QuotesRequest } from '../../datasets/stock-quotes/quote.js';
import { markSource, markTried } from './served-by.js';

/** One provider of a chain, with its own retries, rate limit, quota and breaker already around it. */
export interface ChainLink {
  name: string;
  provider: MarketDataProvider;
}

type Failure = { provider: string; error: unknown };
const SYMBOL_METHODS: readonly ProviderMethod[] = ['fetchChart', 'fetchOptions', 'fetchProfile', 'fetchEarnings', 'fetchNews', 'fetchEconomicEvents'];

function describe({ provider, error }: Failure): string {
  const attempts = attemptsOf(error);
  return `${provider}: ${error instanceof Error ? error.message : String(error)}${attempts > 1 ? ` (${attempts} attempts)` : ''}`;
}

/**
 * The error of a symbol no provider served: SymbolNotFoundError only when every provider said so,
 * else the last fault, its message naming what each provider answered.
 */
function chainError(failures: Failure[], what: string): unknown {
  const tried = failures.map((failure) => failure.provider);
  const text = failures.map(describe).join('; ');
  const fault = failures.filter(({ error }) => !(error instanceof SymbolNotFoundError)).at(-1);
  if (!fault) return markTried(new SymbolNotFoundError(`no provider knows ${what}: ${text}`), { provider: tried.at(-1)!, tried });
  if (fault.error instanceof Error) fault.error.message = text;
  return markTried(fault.error, { provider: fault.provider, tried });
}

/**
 * Providers in priority order behind the one port: per symbol, the first that serves the dataset
 * answers; a fault after its retries, an unknown symbol or a refused key moves the symbol on to the
 * next. A provider that refuses the key is taken out for the process. With one provider, calls and
 * errors pass through unchanged. Every answer is marked with the provider that gave it (see served-by.ts).
 */
// Merged with the class: the port's optional methods, assigned in the constructor for those served.
export interface ProviderChain extends MarketDataProvider {}
export class ProviderChain implements MarketDataProvider {
  private readonly misconfigured = new Map<string, string>();
  private readonly logger = new Logger('ProviderChain');

  constructor(
    private readonly links: ChainLink[],
    private readonly onOutOfService: (provider: string, reason: string) => void = () => undefined,
  ) {
    for (const method of SYMBOL_METHODS.filter((name) => links.some((link) => link.provider[name]))) {
      Object.assign(this, { [method]: (request: ProviderRequest) => this.first(method, request) });
    }
    if (links.some((link) => link.provider.fetchQuotes)) this.fetchQuotes = (request) => this.quotes(request);
  }

  /** The providers taken out because they refused the key, with why. */
  outOfService(): ReadonlyMap<string, string> {
    return this.misconfigured;
  }

  /**
   * The links that serve `method`, in the job's own order when it names providers. None left (each
   * refused its key) is DatasetUnsupportedError naming why, not an unknown symbol.
   */
  private serving(method: ProviderMethod, providers?: readonly string[]): ChainLink[] {
    const links = (providers ? providers.flatMap((name) => this.links.filter((link) => link.name === name)) : this.links).filter((link) => link.provider[method]);
    const left = links.filter((link) => !this.misconfigured.has(link.name));
    if (left.length === 0 && links.length > 0) {
      throw new DatasetUnsupportedError(`no provider left for ${method}(): ${links.map((link) => `${link.name} refused its credentials`).join(', ')}`);
    }
    return left;
  }

  private failed(link: ChainLink, error: unknown): Failure {
    if (error instanceof ProviderAuthError && this.links.length > 1) {
      this.misconfigured.set(link.name, error.message);
      this.logger.error(`${link.name} refused the credentials and is out of the chain until restart: ${error.message}`);
      this.onOutOfService(link.name, `${link.name} refused the credentials: ${error.message}`);
    }
    return { provider: link.name, error };
  }

  private async first(method: ProviderMethod, request: ProviderRequest): Promise<unknown> {
    const links = this.serving(method, request.providers);
    if (this.links.length === 1) return markSource(await (links[0].provider[method] as (r: ProviderRequest) => Promise<unknown>)(request), links[0].name);
    const failures: Failure[] = [];
    for (const link of links) {
      try {
        return markSource(await (link.provider[method] as (r: ProviderRequest) => Promise<unknown>).call(link.provider, request), link.name);
      } catch (error) {
        failures.push(this.failed(link, error));
      }
    }
    throw chainError(failures, request.symbol ?? 'the request');
  }

  /** A quote batch: each provider is asked for the symbols the ones before it did not answer. */
  private async quotes(request: QuotesRequest): Promise<QuotesAnswer> {
    const links = this.serving('fetchQuotes', request.providers);
    if (this.links.length === 1) {
      const answer = await links[0].provider.fetchQuotes!(request);
      for (const quote of Object.values(answer)) markSource(quote, links[0].name);
      return answer;
    }
    const answer: QuotesAnswer = {};
    const failures: Failure[] = [];
    let missing = request.symbols;
    for (const link of links) {
      if (missing.length === 0) break;
      try {
        const part = await link.provider.fetchQuotes!({ ...request, symbols: missing });
        for (const symbol of missing.filter((s) => Object.hasOwn(part, s))) answer[symbol] = markSource(part[symbol], link.name);
        missing = missing.filter((symbol) => !Object.hasOwn(answer, symbol));
      } catch (error) {
        failures.push(this.failed(link, error));
      }
    }
    // Symbols that no provider answered are absent (as with one provider); only a batch that got nothing fails.
    if (Object.keys(answer).length === 0 && failures.length > 0) throw chainError(failures, request.symbols.join(','));
    return answer;
  }
}
