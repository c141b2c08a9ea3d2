import { Injectable } from '@nestjs/common';
import type { Item } from './item.js';
import { ItemCache } from './item-cache.js';
import { ItemsRepository } from './items.repository.js';

export interface ItemLookup {
  item: Item | undefined;
  cache: 'hit' | 'miss' | 'bypass';
}

@Injectable()
export class ItemsService {
  constructor(
    private readonly repository: ItemsRepository,
    private readonly cache: ItemCache,
  ) {}

  /** Stored in PostgreSQL first; the cache entry is only a convenience. */
  async create(name: string): Promise<Item> {
    const item = await this.repository.insert(name);
    await this.cache.put(item);
    return item;
  }

  async get(id: string): Promise<ItemLookup> {
    const cached = await this.cache.get(id);
    if (cached.status === 'hit') return { item: cached.item, cache: 'hit' };
    const item = await this.repository.findById(id);
    if (item !== undefined && cached.status === 'miss') await this.cache.put(item);
    return { item, cache: cached.status };
  }

  list(limit: number): Promise<Item[]> {
    return this.repository.list(limit);
  }
}
