import type { QuoteSummaryResult } from 'yahoo-finance2/modules/quoteSummary-iface';
import type { CompanyOfficer, CompanyProfile } from '../../datasets/company-info/company-profile.js';
import { itemsOf, numberOrNull, stringOrNull } from './yahoo-values.js';

function toOfficers(officers: unknown): CompanyOfficer[] {
  return itemsOf(officers).flatMap((item) => {
    const { name, title } = item as { name?: unknown; title?: unknown };
    return typeof name === 'string' && name !== '' ? [{ name, title: stringOrNull(title) }] : [];
  });
}

/** The profile in quoteSummary's `assetProfile` and `price` modules; what either lacks is null. */
export function toCompanyProfile({ assetProfile, price }: QuoteSummaryResult): CompanyProfile {
  return {
    name: stringOrNull(price?.longName) ?? stringOrNull(price?.shortName),
    sector: stringOrNull(assetProfile?.sector),
    industry: stringOrNull(assetProfile?.industry),
    country: stringOrNull(assetProfile?.country),
    website: stringOrNull(assetProfile?.website),
    employees: numberOrNull(assetProfile?.fullTimeEmployees),
    summary: stringOrNull(assetProfile?.longBusinessSummary),
    officers: toOfficers(assetProfile?.companyOfficers),
    currency: stringOrNull(price?.currency),
    // The exchange's name ("NasdaqGS"), not its code ("NMS"), where Yahoo gives it.
    exchange: stringOrNull(price?.exchangeName) ?? stringOrNull(price?.exchange),
  };
}
