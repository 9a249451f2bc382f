import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { SchedulerModuleOptions } from './scheduler-options.js';

export const {
  ConfigurableModuleClass: SchedulerConfigurableModule,
  MODULE_OPTIONS_TOKEN: SCHEDULER_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<SchedulerModuleOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
