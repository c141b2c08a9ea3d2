import { z } from 'zod';
import { appendLine, readFileIfExists } from '../commands/files.js';
import type { Executor } from '../../exec/executor.js';
import { malformedDropletFile } from './malformed-file.js';
import { firstIssue, recordedDigest, recordedImage, recordedSha } from './release-fields.js';

export const releaseRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['deploy', 'rollback', 'auto-rollback']),
  service: z.string(),
  environment: z.string(),
  sha: recordedSha,
  digest: recordedDigest,
  image: recordedImage,
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

const APPEND_ATTEMPTS = 3;

/**
 * Appends one record, retrying a dropped connection: rollback and prune decide from this history,
 * so a failure is returned to the caller (to be reported), never swallowed. A retry after a
 * write whose answer was lost can leave the line twice; readers tolerate that (same id).
 */
export async function appendRelease(
  exec: Executor,
  file: string,
  record: ReleaseRecord,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await exec.run(appendLine(file, JSON.stringify(record)));
      return;
    } catch (error) {
      if (attempt >= APPEND_ATTEMPTS) throw error;
      await pause(500 * attempt);
    }
  }
}

/** The history, oldest first. A line that is not a release record is an error naming the line. */
export async function readReleases(exec: Executor, file: string): Promise<ReleaseRecord[]> {
  const { stdout } = await exec.run(readFileIfExists(file));
  return stdout.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw malformedDropletFile(exec.target, file, `line ${index + 1} is not JSON`);
    }
    const parsed = releaseRecordSchema.safeParse(json);
    if (!parsed.success) {
      throw malformedDropletFile(
        exec.target,
        file,
        `line ${index + 1}: ${firstIssue(parsed.error)}`,
      );
    }
    return [parsed.data];
  });
}
