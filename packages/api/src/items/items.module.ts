import { Module } from '@nestjs/common';
import { ItemCache } from './item-cache.js';
import { ItemsController } from './items.controller.js';
import { ItemsRepository } from './items.repository.js';
import { ItemsService } from './items.service.js';

@Module({
  controllers: [ItemsController],
  providers: [ItemsRepository, ItemCache, ItemsService],
})
export class ItemsModule {}
