import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from '../../storage/audit-log.js';
import { JobIdProperty } from './id-properties.js';

export class AuditEntryDto implements AuditEntry {
  @ApiProperty({ example: '2025-10-21T10:05:00.000-04:00' }) at: string;
  @JobIdProperty() job_id: string;
  @ApiProperty({ enum: ['create', 'update', 'start', 'stop', 'delete'], example: 'update' }) action: AuditEntry['action'];
  @ApiProperty({ description: 'The X-Actor header of the request, else "ip:<client address>".', example: 'alice' }) actor: string;
  @ApiProperty({
    description: 'Changed fields with their old and new values.',
    example: { schedule_time: { from: '17:00', to: '18:00' } },
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
  })
  changes: Record<string, { from: unknown; to: unknown }>;
}
