import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../webhook.js';

export class CreateWebhookDto {
  @ApiProperty({ description: 'Where deliveries are POSTed: http(s), no credentials; a host resolving to a loopback, private or link-local address is refused unless WEBHOOK_ALLOW_HOSTS lists it.', example: 'https://example.com/hooks/stocks', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, description: 'The events sent to it.', example: ['run.failed', 'run.partial_success'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length * 2)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each value in events must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events: WebhookEvent[];

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Only the events of these jobs; absent or null: every job.', example: null })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each value in job_ids must be a job id (UUID)' })
  job_ids?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, example: 'ops alerts' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}

export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {
  @ApiPropertyOptional({ description: 'Make a new secret (answered once); the old one keeps signing beside it for 24 h.', example: true })
  @IsOptional()
  @IsBoolean()
  rotate_secret?: boolean;
}
