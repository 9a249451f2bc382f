import { Module } from '@nestjs/common';
import { datasetControllers } from '../datasets/datasets.js';
import { MarketDataController } from './market-data.controller.js';

/** The read API over stored bars; needs the BAR_STORE that the (global) SchedulerModule exports. */
@Module({ controllers: [MarketDataController, ...datasetControllers] })
export class MarketDataModule {}
