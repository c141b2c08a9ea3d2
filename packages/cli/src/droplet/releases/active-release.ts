import { z } from 'zod';
import { readFileIfExists } from '../commands/files.js';
import type { Executor } from '../../exec/executor.js';
import { malformedDropletFile } from './malformed-file.js';
import {
  firstIssue,
  recordedContainer,
  recordedDigest,
  recordedImage,
  recordedSha,
} from './release-fields.js';

const activeSchema = z.object({
  slot: z.enum(['blue', 'green']),
  sha: recordedSha,
  digest: recordedDigest,
  image: recordedImage,
  container: recordedContainer,
  since: z.string(),
});

/** What serves on a droplet now, as recorded by the last switch (kept in active.json there). */
export type ActiveRelease = z.infer<typeof activeSchema>;

/** active.json, or undefined when nothing was deployed yet; a malformed file is an error naming it. */
export async function readActive(
  exec: Executor,
  activeFile: string,
): Promise<ActiveRelease | undefined> {
  const { stdout } = await exec.run(readFileIfExists(activeFile));
  if (stdout.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw malformedDropletFile(exec.target, activeFile, 'not JSON');
  }
  const parsed = activeSchema.safeParse(json);
  if (!parsed.success)
    throw malformedDropletFile(exec.target, activeFile, firstIssue(parsed.error));
  return parsed.data;
}
