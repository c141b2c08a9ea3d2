import { z } from 'zod';

export const createItemSchema = z.strictObject({
  name: z
    .string({ error: 'name is required and must be a string' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(200, { error: 'name must be at most 200 characters' }),
});
export type CreateItem = z.infer<typeof createItemSchema>;

export const listItemsSchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, { error: 'limit must be from 1 to 100' })
    .max(100, { error: 'limit must be from 1 to 100' })
    .default(20),
});
export type ListItems = z.infer<typeof listItemsSchema>;

export const itemIdSchema = z.uuid({ error: 'id must be a UUID' });
