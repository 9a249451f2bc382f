import { SymbolNotFoundError } from './provider-errors.js';
import { onlyYahooKnows, vendorSymbol } from './vendor-symbol.js';

describe('vendorSymbol', () => {
  it.each([
    ['AAPL', 'AAPL'],
    ['brk-b', 'BRK.B'],
    ['BF-B', 'BF.B'],
    ['OCDO.L', 'OCDO.L'],
  ])('writes %s as %s', (yahoo, vendor) => {
    expect(vendorSymbol(yahoo, 'finnhub')).toBe(vendor);
  });

  it.each(['^GSPC', 'EURUSD=X', 'ES=F', 'BTC-USD'])('refuses %s, which only Yahoo knows, naming the vendor', (symbol) => {
    expect(onlyYahooKnows(symbol)).toBe(true);
    expect(() => vendorSymbol(symbol, 'polygon')).toThrow(SymbolNotFoundError);
    expect(() => vendorSymbol(symbol, 'polygon')).toThrow(`polygon has no ${symbol}`);
  });
});
