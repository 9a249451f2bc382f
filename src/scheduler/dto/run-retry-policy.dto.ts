import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { RunRetryPolicy } from '../job.js';

export class RunRetryPolicyDto implements RunRetryPolicy {
  @ApiProperty({ description: 'Runs of the failed symbols after a failed or partial run, at most (1–10).', example: 2, type: 'integer' })
  @IsInt()
  @Min(1)
  @Max(10)
  attempts: number;

  @ApiProperty({ description: 'Seconds after the run ends (1–86400); a retry that would reach the next occurrence is not made.', example: 300, type: 'integer' })
  @IsInt()
  @Min(1)
  @Max(86_400)
  delay_seconds: number;
}
