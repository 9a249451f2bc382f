import type { OptionChain, OptionContract } from '../../datasets/options-chain/option-chain.js';
import { InvalidResponseError, SymbolNotFoundError } from '../provider-errors.js';
import { epochMsOrNaN, epochMsOrNull, fieldsOf, itemsOf, numberOrNaN, numberOrNull, stringOrNull } from './yahoo-values.js';

function toContract(item: unknown): OptionContract {
  const contract = fieldsOf(item);
  return {
    contract_symbol: stringOrNull(contract.contractSymbol) ?? '',
    strike: numberOrNaN(contract.strike),
    last_price: numberOrNull(contract.lastPrice),
    bid: numberOrNull(contract.bid),
    ask: numberOrNull(contract.ask),
    change: numberOrNull(contract.change),
    volume: numberOrNull(contract.volume),
    open_interest: numberOrNull(contract.openInterest),
    implied_volatility: numberOrNull(contract.impliedVolatility),
    in_the_money: typeof contract.inTheMoney === 'boolean' ? contract.inTheMoney : null,
    last_trade_date: epochMsOrNull(contract.lastTradeDate),
  };
}

/**
 * The chain of `options()`'s unvalidated answer. Yahoo answers a symbol it has no options for with an
 * empty result, which the library hands back as undefined: SymbolNotFoundError. Each contract is read
 * on its own; a strike that is not a finite number becomes NaN, for the validator to drop and count.
 */
export function toOptionChain(answer: unknown, symbol: string): OptionChain {
  if (answer === undefined || answer === null) throw new SymbolNotFoundError(`Yahoo lists no options for ${symbol}`);
  const result = fieldsOf(answer);
  if (!Array.isArray(result.expirationDates)) {
    throw new InvalidResponseError(`Yahoo's options answer for ${symbol} has no list of expiration dates`);
  }
  const [chain] = itemsOf(result.options).map(fieldsOf);
  return {
    underlying_price: numberOrNull(fieldsOf(result.quote).regularMarketPrice),
    expiration_dates: result.expirationDates
      .map(epochMsOrNaN)
      .filter(Number.isFinite)
      .sort((a, b) => a - b),
    expiration: chain ? epochMsOrNull(chain.expirationDate) : null,
    calls: itemsOf(chain?.calls).map(toContract),
    puts: itemsOf(chain?.puts).map(toContract),
  };
}
