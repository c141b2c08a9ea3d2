import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const stateSchema = z.object({
  droplets: z.number().int().min(1),
  /** The API description Prism checks the DigitalOcean stand-in against, when one was given. */
  contract: z.string().optional(),
  startedAt: z.string(),
  pids: z.object({
    dockerd: z.number().int().optional(),
    cloudApis: z.number().int().optional(),
    /** Prism, a child of the cloud API process: stopped on its own too, in case its parent died. */
    prism: z.number().int().optional(),
  }),
});

/** What `up` started and `down` must stop, kept in the state dir between commands. */
export type LocalState = z.infer<typeof stateSchema>;

const file = (stateDir: string): string => join(stateDir, 'state.json');

export async function readState(stateDir: string): Promise<LocalState | undefined> {
  if (!existsSync(file(stateDir))) return undefined;
  const parsed = stateSchema.safeParse(JSON.parse(await readFile(file(stateDir), 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

export async function writeState(stateDir: string, state: LocalState): Promise<void> {
  await writeFile(file(stateDir), JSON.stringify(state, null, 2), { mode: 0o600 });
}

export async function clearState(stateDir: string): Promise<void> {
  await rm(file(stateDir), { force: true });
}
