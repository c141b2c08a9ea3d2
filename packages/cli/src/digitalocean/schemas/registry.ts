import { z } from 'zod';
import { pageLinks } from './page.js';

export const registrySchema = z.object({
  name: z.string(),
  region: z.string().optional(),
  created_at: z.string().optional(),
  storage_usage_bytes: z.number().int().optional(),
});
export type Registry = z.infer<typeof registrySchema>;

export const dockerCredentialsSchema = z.object({
  auths: z.record(z.string(), z.object({ auth: z.string() })),
});

const blob = z.object({ digest: z.string(), compressed_size_bytes: z.number().int().optional() });

export const manifestSchema = z.object({
  digest: z.string(),
  compressed_size_bytes: z.number().int().optional(),
  size_bytes: z.number().int().optional(),
  updated_at: z.string(),
  tags: z.array(z.string()),
  blobs: z.array(blob).optional(),
});
export type RegistryManifest = z.infer<typeof manifestSchema>;

export const repositorySchema = z.object({
  name: z.string(),
  tag_count: z.number().int(),
  manifest_count: z.number().int(),
  latest_manifest: manifestSchema.optional(),
});
export type Repository = z.infer<typeof repositorySchema>;

export const tagSchema = z.object({
  tag: z.string(),
  manifest_digest: z.string(),
  compressed_size_bytes: z.number().int().optional(),
  updated_at: z.string(),
});
export type RepositoryTag = z.infer<typeof tagSchema>;

export const garbageCollectionSchema = z.object({
  uuid: z.string(),
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  blobs_deleted: z.number().int(),
  freed_bytes: z.number().int(),
});
export type GarbageCollection = z.infer<typeof garbageCollectionSchema>;

export const repositoriesPage = z.object({
  repositories: z.array(repositorySchema),
  links: pageLinks,
});
export const tagsPage = z.object({ tags: z.array(tagSchema), links: pageLinks });
export const manifestsPage = z.object({ manifests: z.array(manifestSchema), links: pageLinks });
