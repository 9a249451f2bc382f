import { Module } from '@nestjs/common';
import { MarketDataController } from './market-data.controller.js';

/** The read API over stored bars; needs the BAR_STORE that the (global) SchedulerModule exports. */
@Module({ controllers: [MarketDataController] })
export class MarketDataModule {}
