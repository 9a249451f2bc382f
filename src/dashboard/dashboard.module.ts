import { Module } from '@nestjs/common';
import { DashboardAssets } from './dashboard-assets.js';
import { DashboardController } from './dashboard.controller.js';

/**
 * The web dashboard at `/ui`: static ES modules over the REST API and GET /scheduler/events.
 * Optional: import it beside SchedulerModule (and MarketDataModule, whose routes its symbol page reads).
 */
@Module({
  controllers: [DashboardController],
  providers: [DashboardAssets],
})
export class DashboardModule {}
