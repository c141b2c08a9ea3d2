import type { Migration } from '../migration.js';

export const createItems: Migration = {
  id: '0001-create-items',
  sql: `
    CREATE TABLE items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX items_created_at_idx ON items (created_at DESC, id DESC);
  `,
};
