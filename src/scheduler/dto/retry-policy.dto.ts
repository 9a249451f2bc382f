import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { RetryPolicy } from '../job.js';

export class RetryPolicyDto implements RetryPolicy {
  @ApiProperty({ description: 'Retries of a transient failure (network, timeout, 5xx, 429) per symbol, after the first attempt: 0–10.', example: 5, type: 'integer' })
  @IsInt()
  @Min(0)
  @Max(10)
  attempts: number;

  @ApiProperty({ description: 'Delay before the first retry in ms (1–600000); it doubles per retry, with jitter.', example: 1000, type: 'integer' })
  @IsInt()
  @Min(1)
  @Max(600_000)
  backoff_ms: number;
}
