import { z } from 'zod';
import { appendLine, readFileIfExists } from './commands/files.js';
import type { Executor } from '../exec/executor.js';

export const releaseRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['deploy', 'rollback', 'auto-rollback']),
  service: z.string(),
  environment: z.string(),
  sha: z.string(),
  digest: z.string(),
  image: z.string(),
  droplet: z.string(),
  outcome: z.enum(['succeeded', 'failed', 'rolled-back']),
  previousSha: z.string().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  actor: z.string(),
  ciRunUrl: z.string().optional(),
  error: z.string().optional(),
});

/** One line of a droplet's append-only release history (JSON lines). */
export type ReleaseRecord = z.infer<typeof releaseRecordSchema>;

export async function appendRelease(
  exec: Executor,
  file: string,
  record: ReleaseRecord,
): Promise<void> {
  await exec.run(appendLine(file, JSON.stringify(record)));
}

/** The history, oldest first; lines that do not parse (a torn write) are skipped. */
export async function readReleases(exec: Executor, file: string): Promise<ReleaseRecord[]> {
  const { stdout } = await exec.run(readFileIfExists(file));
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        const parsed = releaseRecordSchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}
