import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { CompanyProfile, ProfileChange, StoredProfile } from './company-profile.js';

/** The profile's fields, in the order they are compared and stored. */
export const PROFILE_FIELDS = ['name', 'sector', 'industry', 'country', 'website', 'employees', 'summary', 'officers', 'currency', 'exchange'] as const satisfies readonly (keyof CompanyProfile)[];

/** A stored profile as its hash: each profile field as JSON, `fetched_at` (epoch ms), `source` (none before sources were kept) and `changes` (a JSON array). */
export type ProfileHash = Record<string, string>;

/**
 * Each field of the profile as JSON, the form both stores compare: two fetches differ in a field
 * exactly when its JSON differs. Officers are rebuilt so that their keys always come in one order.
 */
export function encodeProfile(profile: CompanyProfile): Array<[keyof CompanyProfile, string]> {
  const fixed = { ...profile, officers: profile.officers.map(({ name, title }) => ({ name, title })) };
  return PROFILE_FIELDS.map((field) => [field, JSON.stringify(fixed[field])]);
}

/** One change entry as JSON, from the JSON of the field's old and new values. */
export function encodeChange(at: number, field: string, from: string, to: string): string {
  return `{"at":${at},"field":"${field}","from":${from},"to":${to}}`;
}

export function decodeProfile(hash: ProfileHash): StoredProfile | null {
  if (hash.fetched_at === undefined) return null;
  const value = (field: keyof CompanyProfile) => (hash[field] === undefined ? null : JSON.parse(hash[field]));
  const profile = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, value(field)])) as unknown as CompanyProfile;
  const changes = hash.changes === undefined ? [] : (JSON.parse(hash.changes) as ProfileChange[]);
  return { profile: { ...profile, officers: profile.officers ?? [] }, fetched_at: Number(hash.fetched_at), source: hash.source ?? STORED_SOURCE_DEFAULT, changes };
}

/** The `changes` JSON array with `entries` (change entries as JSON) appended. */
export function appendChanges(changes: string | undefined, entries: string[]): string {
  return changes === undefined || changes === '[]' ? `[${entries.join(',')}]` : `${changes.slice(0, -1)},${entries.join(',')}]`;
}
