import type { RemoteCommand } from '../../exec/remote-command.js';

/** mkdir is atomic: exactly one deployer creates the lock directory (Kamal's lock, per environment). */
export const acquireLock = (lockDir: string, info: string): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'mkdir -p "$(dirname "$1")" && mkdir "$1" 2>/dev/null && cat >"$1/info.json" && echo acquired || echo held',
    'sh',
    lockDir,
  ],
  stdin: info,
  description: `take the deploy lock ${lockDir}`,
});

export const readLock = (lockDir: string): RemoteCommand => ({
  argv: ['sh', '-c', 'cat "$1/info.json" 2>/dev/null || true', 'sh', lockDir],
  description: `read the deploy lock ${lockDir}`,
  readOnly: true,
});

/** Releases the lock only if it is still ours (the id in info.json matches). */
export const releaseLock = (lockDir: string, id: string): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'if grep -q "\\"id\\":\\"$2\\"" "$1/info.json" 2>/dev/null; then rm -rf "$1"; fi',
    'sh',
    lockDir,
    id,
  ],
  description: `release the deploy lock ${lockDir}`,
});

export const breakLock = (lockDir: string): RemoteCommand => ({
  argv: ['rm', '-rf', lockDir],
  description: `break the stale deploy lock ${lockDir}`,
});
