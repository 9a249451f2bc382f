import { finiteOrNull } from '../finite-or-null.js';
import type { OptionChain, OptionContract } from './option-chain.js';

/** Outcome of {@link validateChain}: `rejected` contracts were dropped from the chain's calls and puts. */
export interface ChainValidation {
  valid: OptionChain;
  rejected: number;
}

const OPTIONAL_NUMBERS = ['last_price', 'bid', 'ask', 'change', 'volume', 'open_interest', 'implied_volatility', 'last_trade_date'] as const;

function validContracts(contracts: OptionContract[]): OptionContract[] {
  return contracts.filter((contract) => Number.isFinite(contract.strike)).map((contract) => finiteOrNull(contract, OPTIONAL_NUMBERS));
}

/**
 * Drops contracts without a finite strike; another number the provider lacks reads as null. Returns
 * a new chain: the input (an answer shared between runs) is left as it is.
 */
export function validateChain(chain: OptionChain): ChainValidation {
  const calls = validContracts(chain.calls);
  const puts = validContracts(chain.puts);
  const rejected = chain.calls.length + chain.puts.length - calls.length - puts.length;
  return { valid: { ...chain, expiration_dates: [...chain.expiration_dates], calls, puts }, rejected };
}
