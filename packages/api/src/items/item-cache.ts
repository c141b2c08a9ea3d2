import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@opsctl/health-kit';
import type { Redis } from 'ioredis';
import { CONFIG, LOGGER, REDIS } from '../app/tokens.js';
import type { Config } from '../config/config-schema.js';
import type { Item } from './item.js';

export type CacheLookup = { status: 'hit'; item: Item } | { status: 'miss' | 'bypass' };

/**
 * Read-through cache of items in Redis. Items never change, so entries cannot go stale. When
 * Redis is unavailable the cache is bypassed: a cache outage slows reads, it does not fail them.
 */
@Injectable()
export class ItemCache {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async get(id: string): Promise<CacheLookup> {
    try {
      const cached = await this.redis.get(key(id));
      return cached === null
        ? { status: 'miss' }
        : { status: 'hit', item: JSON.parse(cached) as Item };
    } catch (error) {
      this.logger.debug({ err: error }, 'item cache bypassed');
      return { status: 'bypass' };
    }
  }

  async put(item: Item): Promise<void> {
    try {
      await this.redis.set(
        key(item.id),
        JSON.stringify(item),
        'EX',
        this.config.ITEM_CACHE_TTL_SECONDS,
      );
    } catch (error) {
      this.logger.debug({ err: error }, 'item cache not updated');
    }
  }
}

function key(id: string): string {
  return `item:${id}`;
}
