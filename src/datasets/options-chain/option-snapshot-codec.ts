import { namedSource, STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { OptionContract, OptionSnapshot, StoredSnapshot } from './option-chain.js';

type ContractRow = [string, number, number | null, number | null, number | null, number | null, number | null, number | null, number | null, boolean | null, number | null];
// The source came last, later, and only when it is not yahoo: a row without it reads as STORED_SOURCE_DEFAULT.
type SnapshotRow = [number, number | null, number[], number | null, ContractRow[], ContractRow[], string?];

/**
 * The tag that leads a stored snapshot: its expiration, zero-padded so that the snapshots of one
 * fetch sort by expiration as text (Redis orders members of one score that way), 'none' last.
 */
export function expirationTag(expiration: number | null): string {
  return expiration === null ? 'none' : String(expiration).padStart(15, '0');
}

const toRow = (c: OptionContract): ContractRow => [c.contract_symbol, c.strike, c.last_price, c.bid, c.ask, c.change, c.volume, c.open_interest, c.implied_volatility, c.in_the_money, c.last_trade_date];

const fromRow = ([contract_symbol, strike, last_price, bid, ask, change, volume, open_interest, implied_volatility, in_the_money, last_trade_date]: ContractRow): OptionContract => ({
  contract_symbol,
  strike,
  last_price,
  bid,
  ask,
  change,
  volume,
  open_interest,
  implied_volatility,
  in_the_money,
  last_trade_date,
});

/**
 * `{tag}|{JSON}`: the snapshot as JSON arrays in a fixed field order, not objects, so that a chain
 * of a hundred contracts does not carry their eleven field names a hundred times.
 */
export function encodeSnapshot(s: OptionSnapshot): string {
  const row: SnapshotRow = [s.fetched_at, s.underlying_price, s.expiration_dates, s.expiration, s.calls.map(toRow), s.puts.map(toRow)];
  const source = namedSource(s.source);
  if (source) row.push(source);
  return `${expirationTag(s.expiration)}|${JSON.stringify(row)}`;
}

export function decodeSnapshot(member: string): StoredSnapshot {
  const [fetched_at, underlying_price, expiration_dates, expiration, calls, puts, source = STORED_SOURCE_DEFAULT] = JSON.parse(member.slice(member.indexOf('|') + 1)) as SnapshotRow;
  return { fetched_at, underlying_price, expiration_dates, expiration, calls: calls.map(fromRow), puts: puts.map(fromRow), source };
}
