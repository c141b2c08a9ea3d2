import { dirname, join } from 'node:path';
import type { CommandContext } from '@opsctl/cli';

/** The local environment's files live beside opsctl.yaml in .opsctl/local (gitignored). */
export async function localStateDir(
  ctx: CommandContext,
): Promise<{ stateDir: string; configDir: string }> {
  const { path } = await ctx.config();
  const configDir = dirname(path);
  return { stateDir: ctx.env.OPSCTL_STATE_DIR ?? join(configDir, '.opsctl', 'local'), configDir };
}
