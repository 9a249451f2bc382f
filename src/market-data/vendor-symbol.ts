import { SymbolNotFoundError } from './provider-errors.js';

// Symbols follow Yahoo's alphabet (the job's `stock_ids`). Indices (`^GSPC`), currencies (`EURUSD=X`),
// futures (`ES=F`) and crypto pairs (`BTC-USD`) exist only there; other vendors write share classes
// with a dot (`BRK.B`) where Yahoo writes a dash (`BRK-B`).
const ONLY_YAHOO = /^\^|=|-USD$/;

/** True for a symbol only Yahoo knows: other providers are not asked for it. */
export function onlyYahooKnows(symbol: string): boolean {
  return ONLY_YAHOO.test(symbol);
}

/**
 * The symbol as the US vendors (Alpha Vantage, Finnhub, Polygon) write it: `BRK-B` → `BRK.B`. Throws
 * SymbolNotFoundError, without a request, for a symbol only Yahoo knows.
 */
export function vendorSymbol(symbol: string, vendor: string): string {
  if (onlyYahooKnows(symbol)) throw new SymbolNotFoundError(`${vendor} has no ${symbol}: indices, currencies, futures and crypto pairs come from Yahoo only`);
  return symbol.toUpperCase().replace(/-([A-Z])$/, '.$1');
}
