import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type DeliveryStatus, type WebhookDelivery, type WebhookEndpoint, type WebhookEvent } from '../webhook.js';

const nullableTime = (description: string) => ApiProperty({ type: String, nullable: true, description, example: null });

export class WebhookDto {
  @ApiProperty({ format: 'uuid', example: '3f6c1d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f' }) id: string;
  @ApiProperty({ example: 'https://example.com/hooks/stocks' }) url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['run.failed'] }) events: WebhookEvent[];
  @ApiProperty({ type: [String], nullable: true, example: null }) job_ids: string[] | null;
  @ApiProperty({ type: String, nullable: true, example: 'ops alerts' }) description: string | null;
  @nullableTime('Until when the secret before the last rotation still signs too.') previous_secret_expires_at: string | null;
  @nullableTime('When a 410 Gone disabled it; an update enables it again.') disabled_at: string | null;
  @ApiProperty({ example: '2026-12-04T09:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-12-04T09:00:00.000Z' }) updated_at: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiPropertyOptional({ description: 'The signing secret: shown only when the endpoint is created or its secret rotated.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret?: string;
}

export class DeliveryDto {
  @ApiProperty({ description: 'Its webhook-id header, the same on every attempt.', example: 'msg_2b7c6f0e-0d0a-4b8e-9a52-3c1d2e4f5a6b' }) delivery_id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, example: 'run.failed' }) type: WebhookEvent;
  @ApiProperty({ enum: ['pending', 'retrying', 'succeeded', 'failed'], example: 'succeeded' }) status: DeliveryStatus;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ example: '2026-12-04T09:00:00.000Z' }) created_at: string;
  @nullableTime('When it was last attempted.') last_attempt_at: string | null;
  @nullableTime('When it is attempted again (retrying or pending).') next_attempt_at: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) last_status_code: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 42 }) last_latency_ms: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) last_error: string | null;
}

export function toWebhookDto({ secret, previous_secret: _previous, ...shown }: WebhookEndpoint, withSecret = false): WebhookWithSecretDto {
  return withSecret ? { ...shown, secret } : shown;
}

export function toDeliveryDto({ body: _body, endpoint_id: _endpoint, series_attempts: _series, ...shown }: WebhookDelivery): DeliveryDto {
  return shown;
}
