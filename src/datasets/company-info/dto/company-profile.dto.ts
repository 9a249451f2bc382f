import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';
import type { StoredProfile } from '../company-profile.js';
import { PROFILE_FIELDS } from '../profile-codec.js';

const text = (description: string, example: string) => ApiProperty({ type: String, nullable: true, description, example });
const iso = (time: number) => new Date(time).toISOString();

/** One officer; the examples are the first of the recorded AAPL answer (test/fixtures/yahoo/quoteSummary-assetProfile-AAPL.json). */
export class CompanyOfficerDto {
  @ApiProperty({ description: 'Name, as Yahoo spells it.', example: 'Mr. Timothy D. Cook' }) name: string;
  @text('Title.', 'CEO & Director') title: string | null;
}

// A field's value: text or null, a number (employees) or the officers.
const fieldValue = (description: string, example: number) =>
  ApiProperty({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'array', items: { $ref: getSchemaPath(CompanyOfficerDto) } }], description, example });

/** A field that changed between two fetches. */
export class ProfileChangeDto {
  @ApiProperty({ description: 'When the fetch that saw the change started, ISO 8601 UTC.', example: '2025-03-03T09:34:43.000Z' }) at: string;
  @ApiProperty({ enum: PROFILE_FIELDS, description: 'The profile field that changed.', example: 'employees' }) field: string;
  @fieldValue("The field's value before: a string, a number, or the officers.", 150000) from: unknown;
  @fieldValue("The field's value from then on.", 164000) to: unknown;
}

/**
 * A company's latest profile; the examples are the recorded AAPL answers of 2025-02-24
 * (quoteSummary-assetProfile-AAPL.json and quoteSummary-price-AAPL.json).
 */
export class CompanyProfileDto {
  @ApiProperty({ description: 'The symbol, upper-case.', example: 'AAPL' }) symbol: string;
  @text("The company's long name (its short name where Yahoo has no long one).", 'Apple Inc.') name: string | null;
  @text('Sector.', 'Technology') sector: string | null;
  @text('Industry.', 'Consumer Electronics') industry: string | null;
  @text('Country of the head office.', 'United States') country: string | null;
  @text('Website.', 'https://www.apple.com') website: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Full-time employees.', example: 150000 }) employees: number | null;
  @text('Business summary.', 'Apple Inc. designs, manufactures, and markets smartphones, personal computers, tablets, wearables, and accessories worldwide.')
  summary: string | null;
  @ApiProperty({ type: [CompanyOfficerDto], description: 'Officers in the order Yahoo lists them (the CEO first).' }) officers: CompanyOfficerDto[];
  @text('Currency of the quote.', 'USD') currency: string | null;
  @text("The exchange's name (its code where Yahoo gives no name).", 'NasdaqGS') exchange: string | null;
  @ApiProperty({ description: 'When the run that last fetched the profile started, ISO 8601 UTC.', example: '2025-02-24T09:34:43.000Z' }) fetched_at: string;
  @ApiProperty({ type: [ProfileChangeDto], description: 'Every field change seen since the first fetch, oldest first; an unchanged fetch adds none.' })
  changes: ProfileChangeDto[];
  @ApiSource('profile, in its latest fetch') source: string;
}

export function toProfileDto(symbol: string, { profile, fetched_at, source, changes }: StoredProfile): CompanyProfileDto {
  return { symbol, ...profile, fetched_at: iso(fetched_at), changes: changes.map((change) => ({ ...change, at: iso(change.at) })), source };
}
