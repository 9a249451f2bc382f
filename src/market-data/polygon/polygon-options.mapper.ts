import type { OptionChain, OptionContract } from '../../datasets/options-chain/option-chain.js';
import { fieldsOf, itemsOf, numberOrNaN, numberOrNull, stringOrNull } from '../yahoo/yahoo-values.js';
import { epochMsOf } from './polygon-values.js';

/** 00:00 UTC of a YYYY-MM-DD expiration, as OptionsRequest and the stored chains write it; NaN when unreadable. */
const expirationMs = (date: unknown): number => Date.parse(`${stringOrNull(date) ?? ''}T00:00:00Z`);

function toContract(snapshot: Record<string, unknown>, underlying: number | null): OptionContract {
  const [details, day, quote, trade] = ['details', 'day', 'last_quote', 'last_trade'].map((name) => fieldsOf(snapshot[name]));
  const strike = numberOrNaN(details.strike_price);
  // Polygon does not say; Yahoo's inTheMoney is the same comparison of the underlying with the strike.
  const inTheMoney = underlying === null || Number.isNaN(strike) ? null : details.contract_type === 'call' ? underlying > strike : underlying < strike;
  return {
    contract_symbol: stringOrNull(details.ticker) ?? '',
    strike,
    last_price: numberOrNull(trade.price) ?? numberOrNull(day.close),
    bid: numberOrNull(quote.bid),
    ask: numberOrNull(quote.ask),
    change: numberOrNull(day.change),
    volume: numberOrNull(day.volume),
    open_interest: numberOrNull(snapshot.open_interest),
    implied_volatility: numberOrNull(snapshot.implied_volatility),
    in_the_money: inTheMoney,
    last_trade_date: epochMsOf(trade.sip_timestamp),
  };
}

/**
 * One expiration's chain from an options chain snapshot: `expiration` is the one asked for, else the soonest
 * listed; `expiration_dates` are the expirations of the contracts the answer lists (one page of at most 250).
 */
export function toOptionChain(answer: unknown, expiration: number | undefined): OptionChain {
  const snapshots = itemsOf(fieldsOf(answer).results).map(fieldsOf);
  const expirations = [...new Set(snapshots.map((s) => expirationMs(fieldsOf(s.details).expiration_date)))]
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
  const chosen = expiration ?? expirations[0] ?? null;
  const underlying = snapshots.map((s) => numberOrNull(fieldsOf(s.underlying_asset).price)).find((price) => price !== null) ?? null;
  const ofChosen = snapshots.filter((s) => expirationMs(fieldsOf(s.details).expiration_date) === chosen);
  const side = (type: string) => ofChosen.filter((s) => fieldsOf(s.details).contract_type === type).map((s) => toContract(s, underlying));
  return { underlying_price: underlying, expiration_dates: expirations, expiration: chosen, calls: side('call'), puts: side('put') };
}
