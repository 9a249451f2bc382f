import { ApiParam, ApiProperty } from '@nestjs/swagger';

const JOB_ID_EXAMPLE = '550e8400-e29b-41d4-a716-446655440000';
const RUN_ID_EXAMPLE = '0b7c6f7e-8d5a-4a53-9f0e-3c1f1d1c2b3a';

/** A job's id in a body: a UUID the scheduler gave it. */
export const JobIdProperty = () => ApiProperty({ format: 'uuid', description: 'The id the scheduler gave the job.', example: JOB_ID_EXAMPLE });

/** A run's id in a body: a UUID the scheduler gave it. */
export const RunIdProperty = () => ApiProperty({ format: 'uuid', description: 'The id the scheduler gave the run.', example: RUN_ID_EXAMPLE });

/** The `{id}` path parameter of the job routes. */
export const JobIdParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'The job id.', example: JOB_ID_EXAMPLE });

/** The `{run_id}` path parameter. */
export const RunIdParam = () => ApiParam({ name: 'run_id', format: 'uuid', description: 'The run id.', example: RUN_ID_EXAMPLE });
