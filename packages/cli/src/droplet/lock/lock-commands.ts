import type { RemoteCommand } from '../../exec/remote-command.js';

/**
 * The droplet side of the environment lock. The lock directory holds `holder.json` (present
 * exactly while the lock is held) and `.guard`, a file every operation below holds `flock` on:
 * the kernel serialises the read-compare-write of each operation against the others, and drops
 * the guard when the process dies, so a lost SSH session never leaves it held. The guard wait
 * is bounded (10 s); a guard not had in time answers `busy`, which the client treats as held.
 * The record is always written to a temp file and renamed into place, so a reader that does not
 * take the guard (`opsctl status`) never sees a half-written holder.
 */
const GUARDED = [
  'set -e',
  'd="$1"',
  'mkdir -p "$d"',
  'exec 9>"$d/.guard"',
  'flock -w 10 9 || { echo busy; exit 0; }',
  'f="$d/holder.json"',
  'mine() { grep -qF "\\"token\\":\\"$2\\"" "$f"; }',
  'put() { cat >"$d/.new.$2"; mv -f "$d/.new.$2" "$f"; }',
].join('; ');

const guarded = (
  body: string,
  args: readonly string[],
  description: string,
  stdin?: string,
): RemoteCommand => ({
  argv: ['sh', '-c', `${GUARDED}; ${body}`, 'sh', ...args],
  ...(stdin === undefined ? {} : { stdin }),
  description,
});

/** Takes the lock if it is free (or already ours): `acquired`, or `held` and the holder's record. */
export const acquireLock = (lockDir: string, token: string, record: string): RemoteCommand =>
  guarded(
    'if [ -f "$f" ]; then if mine "$@"; then echo acquired; else echo held; cat "$f"; fi; else put "$@"; echo acquired; fi',
    [lockDir, token],
    `take the lock ${lockDir}`,
    record,
  );

/**
 * Takes over a stale lock only if its record is byte for byte the one judged stale (compared by
 * SHA-256): `acquired`; `changed` and the current record when its holder renewed it or someone
 * else took it over meanwhile; `gone` when it was released.
 */
export const takeOverLock = (
  lockDir: string,
  token: string,
  staleRecordSha256: string,
  record: string,
): RemoteCommand =>
  guarded(
    'if [ ! -f "$f" ]; then echo gone; elif [ "$(sha256sum <"$f" | cut -d" " -f1)" = "$3" ]; then put "$@"; echo acquired; else echo changed; cat "$f"; fi',
    [lockDir, token, staleRecordSha256],
    `take over the stale lock ${lockDir}`,
    record,
  );

/** Rewrites our record with a fresh renewal time: `renewed`, or `lost` and whoever holds it now. */
export const renewLock = (lockDir: string, token: string, record: string): RemoteCommand =>
  guarded(
    'if [ -f "$f" ] && mine "$@"; then put "$@"; echo renewed; else echo lost; cat "$f" 2>/dev/null || true; fi',
    [lockDir, token],
    `renew the lock ${lockDir}`,
    record,
  );

/** Gives the lock back if it is ours: `released` (also when already free), or `not-ours` and the holder. */
export const releaseLock = (lockDir: string, token: string): RemoteCommand =>
  guarded(
    'if [ ! -f "$f" ]; then echo released; elif mine "$@"; then rm -f "$f"; echo released; else echo not-ours; cat "$f"; fi',
    [lockDir, token],
    `release the lock ${lockDir}`,
  );

/** The holder's record, or nothing when the lock is free (no guard: the record is renamed into place). */
export const readLock = (lockDir: string): RemoteCommand => ({
  argv: ['sh', '-c', 'cat "$1/holder.json" 2>/dev/null || true', 'sh', lockDir],
  description: `read the lock ${lockDir}`,
  readOnly: true,
});

/** The first line of a lock command's answer, and the record that follows it, if any. */
export function parseLockAnswer(stdout: string): { status: string; record: string } {
  const newline = stdout.indexOf('\n');
  return newline < 0
    ? { status: stdout.trim(), record: '' }
    : { status: stdout.slice(0, newline).trim(), record: stdout.slice(newline + 1) };
}
