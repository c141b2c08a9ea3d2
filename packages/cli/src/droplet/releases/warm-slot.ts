import { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from '../commands/files.js';
import type { Executor } from '../../exec/executor.js';
import type { RemoteCommand } from '../../exec/remote-command.js';
import { malformedDropletFile } from './malformed-file.js';
import {
  firstIssue,
  recordedContainer,
  recordedDigest,
  recordedImage,
  recordedSha,
} from './release-fields.js';

const warmSchema = z.object({
  slot: z.enum(['blue', 'green']),
  sha: recordedSha,
  digest: recordedDigest,
  image: recordedImage,
  container: recordedContainer,
  /** When the switch took it out of rotation. */
  since: z.iso.datetime(),
  /** When it stops being a rollback target and is stopped by the next locked run. */
  until: z.iso.datetime(),
});

/**
 * The release a switch took out of rotation but left running (warm.json beside active.json), so
 * that a rollback within deploy.warmWindow only has to point nginx back at it.
 */
export type WarmSlot = z.infer<typeof warmSchema>;

/** warm.json, or undefined when none is kept; a malformed file is an error naming it. */
export async function readWarm(exec: Executor, warmFile: string): Promise<WarmSlot | undefined> {
  const { stdout } = await exec.run(readFileIfExists(warmFile));
  if (stdout.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw malformedDropletFile(exec.target, warmFile, 'not JSON');
  }
  const parsed = warmSchema.safeParse(json);
  if (!parsed.success) throw malformedDropletFile(exec.target, warmFile, firstIssue(parsed.error));
  return parsed.data;
}

export const writeWarm = (warmFile: string, warm: WarmSlot): RemoteCommand =>
  writeFileAtomic(warmFile, `${JSON.stringify(warm)}\n`, '0644');

/** Forgets the warm slot (its container is being replaced or stopped). */
export const removeWarm = (warmFile: string): RemoteCommand => ({
  argv: ['rm', '-f', '--', warmFile],
  description: `remove ${warmFile}`,
});
