import type { ClientChannel } from 'ssh2';
import type { Terminal } from '../executor.js';

/**
 * Wire the local terminal to a channel opened with a pseudo-terminal: raw mode, so Ctrl-C and
 * every other key reach the remote command rather than stopping opsctl; keystrokes go to the
 * channel. Returns the undo, which restores the terminal as it was.
 */
export function attachTerminal(terminal: Terminal, channel: ClientChannel): () => void {
  const { input } = terminal;
  input.setRawMode?.(true);
  const forward = (chunk: Buffer | string): void => {
    channel.write(chunk);
  };
  input.on('data', forward);
  input.resume();
  let attached = true;
  return () => {
    if (!attached) return;
    attached = false;
    input.removeListener('data', forward);
    input.setRawMode?.(false);
    input.pause();
  };
}
