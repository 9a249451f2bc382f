import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'stock-scheduler:public';

/** Marks a route that answers without an API key (health checks from load balancers). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
