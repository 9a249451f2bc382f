import type { CompanyProfile } from '../../datasets/company-info/company-profile.js';
import { avNumberOrNull, avStringOrNull } from './alpha-vantage-values.js';

/** An OVERVIEW answer's profile; null for the `{}` of a symbol it does not know. It names no officers. */
export function toCompanyProfile(body: Record<string, unknown>): CompanyProfile | null {
  if (Object.keys(body).length === 0) return null;
  return {
    name: avStringOrNull(body.Name),
    sector: avStringOrNull(body.Sector),
    industry: avStringOrNull(body.Industry),
    country: avStringOrNull(body.Country),
    website: avStringOrNull(body.OfficialSite),
    // Older answers had FullTimeEmployees; the current one does not.
    employees: avNumberOrNull(body.FullTimeEmployees),
    summary: avStringOrNull(body.Description),
    officers: [],
    currency: avStringOrNull(body.Currency),
    exchange: avStringOrNull(body.Exchange),
  };
}
