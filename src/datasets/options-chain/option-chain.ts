import type { Sourced } from '../../market-data/bar.js';
import type { RequestContext } from '../dataset.js';

/** One contract; a strike the provider lacks is NaN, so that validation drops the contract. Times are epoch ms. */
export interface OptionContract {
  contract_symbol: string;
  strike: number;
  last_price: number | null;
  bid: number | null;
  ask: number | null;
  change: number | null;
  volume: number | null;
  open_interest: number | null;
  implied_volatility: number | null;
  in_the_money: boolean | null;
  last_trade_date: number | null;
}

export interface OptionsRequest extends RequestContext {
  symbol: string;
  /** Expiration date to fetch (epoch ms, 00:00 UTC); unset: the nearest one. */
  expiration?: number;
}

/** One expiration's chain as the provider answered it. Times are epoch ms. */
export interface OptionChain {
  underlying_price: number | null;
  /** Every expiration the provider lists for the symbol, soonest first. */
  expiration_dates: number[];
  /** The expiration of `calls` and `puts`; null when the symbol has no options. */
  expiration: number | null;
  calls: OptionContract[];
  puts: OptionContract[];
}

/** A chain as stored: one per fetch and expiration. */
export interface OptionSnapshot extends OptionChain {
  fetched_at: number;
  /** The provider that gave the chain. */
  source?: string;
}

/** A snapshot as the store reads it back, with its source. */
export type StoredSnapshot = Sourced<OptionSnapshot>;
