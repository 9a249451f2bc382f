import type { CompanyProfile } from '../../datasets/company-info/company-profile.js';
import { InvalidResponseError, SymbolNotFoundError } from '../provider-errors.js';
import { fieldsOf } from '../yahoo/yahoo-values.js';
import { textOrNull } from './finnhub-values.js';

/**
 * The profile in a `/stock/profile2` answer. Finnhub answers `{}` for a symbol it does not know. It has
 * one classification, `finnhubIndustry` (e.g. `Technology`), kept as the industry; no sector,
 * employees, description or officers (null, and no officers).
 */
export function toFinnhubProfile(answer: unknown, symbol: string): CompanyProfile {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new InvalidResponseError(`Finnhub's profile2 answer for ${symbol} is not an object`);
  }
  const profile = fieldsOf(answer);
  if (Object.keys(profile).length === 0) throw new SymbolNotFoundError(`Finnhub has no profile for ${symbol}`);
  return {
    name: textOrNull(profile.name),
    sector: null,
    industry: textOrNull(profile.finnhubIndustry),
    // An ISO code (`US`) where Yahoo writes the name (`United States`).
    country: textOrNull(profile.country),
    website: textOrNull(profile.weburl),
    employees: null,
    summary: null,
    officers: [],
    currency: textOrNull(profile.currency),
    exchange: textOrNull(profile.exchange),
  };
}
