import { z } from 'zod';

/** What opsctl stores beside a target for one secret: its fingerprint and when it last changed. */
export interface FingerprintRecord {
  readonly fingerprint: string;
  /** ISO time the value last changed at this target (the start of its rotation period). */
  readonly updatedAt: string;
}

export type FingerprintRecords = ReadonlyMap<string, FingerprintRecord>;

const documentSchema = z.object({
  version: z.literal(1),
  secrets: z.record(
    z.string(),
    z.object({ fingerprint: z.string().regex(/^v1:[A-Za-z0-9_-]+$/), updatedAt: z.iso.datetime() }),
  ),
});

/** The stored form: one small JSON document per target (a file, a variable, a comment). */
export function serializeRecords(records: FingerprintRecords): string {
  const secrets = Object.fromEntries([...records].sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ version: 1, secrets });
}

/**
 * Reads a stored document. Anything unreadable counts as no records: the next sync writes every
 * value again and records it, which is always safe.
 */
export function parseRecords(text: string | undefined): Map<string, FingerprintRecord> {
  if (text === undefined || text.trim() === '') return new Map();
  try {
    const parsed = documentSchema.safeParse(JSON.parse(text));
    return new Map(parsed.success ? Object.entries(parsed.data.secrets) : []);
  } catch {
    return new Map();
  }
}
