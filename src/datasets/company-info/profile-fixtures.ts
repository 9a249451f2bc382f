import type { CompanyProfile } from './company-profile.js';

/** 2025-02-24 09:34:43 UTC, when the AAPL profile was recorded. */
export const FETCHED_T0 = 1_740_389_683_000;
export const WEEK_MS = 7 * 86_400_000;

/** A profile shaped like the recorded AAPL one (its summary cut short); `overrides` replace fields. */
export function makeProfile(overrides: Partial<CompanyProfile> = {}): CompanyProfile {
  return {
    name: 'Apple Inc.',
    sector: 'Technology',
    industry: 'Consumer Electronics',
    country: 'United States',
    website: 'https://www.apple.com',
    employees: 150000,
    summary: 'Apple Inc. designs, manufactures, and markets smartphones, personal computers, tablets, wearables, and accessories worldwide.',
    officers: [
      { name: 'Mr. Timothy D. Cook', title: 'CEO & Director' },
      { name: 'Mr. Kevan  Parekh', title: 'Senior VP & CFO' },
    ],
    currency: 'USD',
    exchange: 'NasdaqGS',
    ...overrides,
  };
}

/** A profile the provider knows nothing of. */
export const EMPTY_PROFILE: CompanyProfile = {
  name: null,
  sector: null,
  industry: null,
  country: null,
  website: null,
  employees: null,
  summary: null,
  officers: [],
  currency: null,
  exchange: null,
};
