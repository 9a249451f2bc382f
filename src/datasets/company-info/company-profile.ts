import type { RequestContext } from '../dataset.js';

export interface CompanyOfficer {
  name: string;
  title: string | null;
}

/** A company's profile (Yahoo's assetProfile and price modules); fields it lacks are null. */
export interface CompanyProfile {
  name: string | null;
  sector: string | null;
  industry: string | null;
  country: string | null;
  website: string | null;
  employees: number | null;
  summary: string | null;
  officers: CompanyOfficer[];
  currency: string | null;
  exchange: string | null;
}

/** A field of the profile that changed between two fetches, and when the change was seen (epoch ms). */
export interface ProfileChange {
  at: number;
  field: keyof CompanyProfile;
  from: unknown;
  to: unknown;
}

export interface StoredProfile {
  profile: CompanyProfile;
  fetched_at: number;
  /** The provider of the latest fetch. */
  source: string;
  /** Oldest first. */
  changes: ProfileChange[];
}

export interface SymbolRequest extends RequestContext {
  symbol: string;
}
