import type { RemoteCommand } from '../../exec/remote-command.js';

/**
 * What the droplet itself runs when a kept slot's window ends: stop the container, forget
 * warm.json, but only if warm.json still names that container with that expiry and active.json
 * does not name it (a deploy replaced it meanwhile, or a rollback put it back in rotation).
 */
const EXPIRY_SCRIPT = [
  'sleep "$1"',
  'grep -qF "\\"until\\":\\"$4\\"" "$2" 2>/dev/null || exit 0',
  'grep -qF "\\"container\\":\\"$3\\"" "$2" || exit 0',
  'grep -qF "\\"container\\":\\"$3\\"" "$5" 2>/dev/null && exit 0',
  'docker stop --time "$6" "$3"',
  'rm -f -- "$2"',
].join('\n');

export interface WarmExpiry {
  readonly warmFile: string;
  readonly activeFile: string;
  readonly container: string;
  /** warm.json's `until`, which identifies this keeping of the slot. */
  readonly until: string;
  readonly afterSeconds: number;
  /** SIGTERM grace for the container (deploy.drainTimeout). */
  readonly stopSeconds: number;
}

/**
 * Starts the expiry as a detached process on the droplet (named opsctl-warm-expiry in `ps`), so
 * the kept slot stops on time even if no opsctl runs again. A reboot of the droplet loses it:
 * then the next deploy or cold rollback replaces the slot.
 */
export const scheduleWarmExpiry = (e: WarmExpiry): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'setsid -f sh -c "$1" opsctl-warm-expiry "$2" "$3" "$4" "$5" "$6" "$7" </dev/null >/dev/null 2>&1',
    'sh',
    EXPIRY_SCRIPT,
    String(e.afterSeconds),
    e.warmFile,
    e.container,
    e.until,
    e.activeFile,
    String(e.stopSeconds),
  ],
  description: `stop ${e.container} at ${e.until} unless it is back in rotation`,
});
