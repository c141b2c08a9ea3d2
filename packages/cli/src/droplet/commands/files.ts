import type { Secret } from '../../secrets/secret.js';
import type { RemoteCommand } from '../../exec/remote-command.js';

/** Writes stdin to `path` atomically: a temp file beside it with the mode set first, then rename. */
export const writeFileAtomic = (
  path: string,
  content: string | Secret,
  mode: string,
): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'set -e; umask 077; tmp="$1.opsctl-tmp.$$"; cat >"$tmp"; chmod "$2" "$tmp"; mv -f "$tmp" "$1"',
    'sh',
    path,
    mode,
  ],
  stdin: content,
  description: `write ${path}`,
});

export const readFileIfExists = (path: string): RemoteCommand => ({
  argv: ['sh', '-c', 'if [ -f "$1" ]; then cat "$1"; fi', 'sh', path],
  description: `read ${path}`,
  readOnly: true,
});

/** Appends one line (a release record) to an append-only log. */
export const appendLine = (path: string, line: string): RemoteCommand => ({
  argv: ['sh', '-c', 'set -e; mkdir -p "$(dirname "$1")"; cat >>"$1"', 'sh', path],
  stdin: `${line}\n`,
  description: `append to ${path}`,
});

export const ensureDir = (path: string): RemoteCommand => ({
  argv: ['mkdir', '-p', path],
  description: `create ${path}`,
});
