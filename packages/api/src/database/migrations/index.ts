import type { Migration } from '../migration.js';
import { createItems } from './0001-create-items.js';

/** Every migration, in order. Add new ones at the end. */
export const migrations: readonly Migration[] = [createItems];
