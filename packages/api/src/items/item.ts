/** An item as the API returns it. */
export interface Item {
  id: string;
  name: string;
  createdAt: string;
}

export interface ItemRow {
  id: string;
  name: string;
  created_at: Date;
}

export function toItem(row: ItemRow): Item {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
}
