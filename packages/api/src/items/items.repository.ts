import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../app/tokens.js';
import { toItem, type Item, type ItemRow } from './item.js';

/** Items in PostgreSQL: the source of truth. */
@Injectable()
export class ItemsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async insert(name: string): Promise<Item> {
    const { rows } = await this.pool.query<ItemRow>(
      'INSERT INTO items (name) VALUES ($1) RETURNING id, name, created_at',
      [name],
    );
    const [row] = rows;
    if (row === undefined) throw new Error('INSERT ... RETURNING gave no row');
    return toItem(row);
  }

  async findById(id: string): Promise<Item | undefined> {
    const { rows } = await this.pool.query<ItemRow>(
      'SELECT id, name, created_at FROM items WHERE id = $1',
      [id],
    );
    return rows[0] && toItem(rows[0]);
  }

  async list(limit: number): Promise<Item[]> {
    const { rows } = await this.pool.query<ItemRow>(
      'SELECT id, name, created_at FROM items ORDER BY created_at DESC, id DESC LIMIT $1',
      [limit],
    );
    return rows.map(toItem);
  }
}
