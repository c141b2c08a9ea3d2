import { z } from 'zod';
import { readFileIfExists } from './commands/files.js';
import type { Executor } from '../exec/executor.js';

const activeSchema = z.object({
  slot: z.enum(['blue', 'green']),
  sha: z.string(),
  digest: z.string(),
  image: z.string(),
  container: z.string(),
  since: z.string(),
});

/** What serves on a droplet now, as recorded by the last switch (kept in active.json there). */
export type ActiveRelease = z.infer<typeof activeSchema>;

export async function readActive(
  exec: Executor,
  activeFile: string,
): Promise<ActiveRelease | undefined> {
  const { stdout } = await exec.run(readFileIfExists(activeFile));
  if (stdout.trim() === '') return undefined;
  const parsed = activeSchema.safeParse(JSON.parse(stdout));
  return parsed.success ? parsed.data : undefined;
}
