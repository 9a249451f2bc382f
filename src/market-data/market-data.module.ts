import { Module } from '@nestjs/common';
import { datasetControllers } from '../datasets/datasets.js';

/** The read API over every stored dataset; its stores come from the (global) SchedulerModule. */
@Module({ controllers: datasetControllers })
export class MarketDataModule {}
