import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const credentialsSchema = z.object({
  registryUser: z.string(),
  registryPassword: z.string(),
  postgresPassword: z.string(),
  redisPassword: z.string(),
  doToken: z.string(),
  githubToken: z.string(),
  vercelToken: z.string(),
  /** Added later than the rest: a state dir made before it gets one on its next use. */
  fingerprintKey: z.string().optional(),
  /** The database's owner (DigitalOcean's doadmin); added later, like fingerprintKey. */
  doadminPassword: z.string().optional(),
});

/** Passwords and tokens of the local environment: made once, kept 0600 in the state dir. */
export type LocalCredentials = z.infer<typeof credentialsSchema> & {
  fingerprintKey: string;
  doadminPassword: string;
};

const token = (bytes: number): string => randomBytes(bytes).toString('base64url');

export async function ensureCredentials(stateDir: string): Promise<LocalCredentials> {
  const file = join(stateDir, 'credentials.json');
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  if (existsSync(file)) {
    const known = credentialsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const { fingerprintKey, doadminPassword } = known;
    if (fingerprintKey !== undefined && doadminPassword !== undefined)
      return { ...known, fingerprintKey, doadminPassword };
    const completed = {
      ...known,
      fingerprintKey: fingerprintKey ?? token(32),
      doadminPassword: doadminPassword ?? token(18),
    };
    await writeFile(file, JSON.stringify(completed, null, 2), { mode: 0o600 });
    return completed;
  }
  const made: LocalCredentials = {
    registryUser: 'opsctl',
    registryPassword: token(18),
    postgresPassword: token(18),
    redisPassword: token(18),
    doToken: `dop_v1_${randomBytes(32).toString('hex')}`,
    githubToken: `ghp_${token(27)}`,
    vercelToken: token(24),
    fingerprintKey: token(32),
    doadminPassword: token(18),
  };
  await writeFile(file, JSON.stringify(made, null, 2), { mode: 0o600 });
  return made;
}
