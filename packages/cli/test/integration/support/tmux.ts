import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';

/** A tmux server of this test's own (its own socket), so nothing else's sessions are touched. */
export interface TmuxPane {
  /** Resolves once the command in the pane has ended, rejects after `timeoutMs`. */
  ended(timeoutMs: number): Promise<void>;
  /** The pane's text as a person sees it, scrollback included, escapes removed. */
  screen(): Promise<string>;
  /** Stops this test's tmux server. */
  kill(): Promise<void>;
}

/**
 * Runs `shellCommand` in a detached tmux pane of `columns` x `rows`: a real pseudo-terminal, so
 * the program sees a terminal on stdout and stderr. The pane stays after the command ends.
 */
export async function startInTmux(
  socket: string,
  shellCommand: string,
  size: { columns: number; rows: number },
): Promise<TmuxPane> {
  const tmux = (args: readonly string[]) =>
    execa('tmux', ['-L', socket, ...args], { reject: false });
  const started = await tmux([
    '-u',
    'new-session',
    '-d',
    '-x',
    String(size.columns),
    '-y',
    String(size.rows),
    '-s',
    'progress',
    // Keep the pane (and its screen) after the command ends; start the command only once set.
    'sh',
    '-c',
    `tmux -L ${socket} set-option -t progress remain-on-exit on; tmux -L ${socket} wait-for go; ${shellCommand}`,
  ]);
  if (started.exitCode !== 0) throw new Error(`tmux did not start: ${started.stderr}`);
  await tmux(['wait-for', '-S', 'go']);
  return {
    ended: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const dead = await tmux(['display-message', '-p', '-t', 'progress', '#{pane_dead}']);
        if (dead.stdout.trim() === '1') return;
        await sleep(500);
      }
      throw new Error(`the command in tmux did not end within ${timeoutMs / 1000} s`);
    },
    screen: async () =>
      (await tmux(['capture-pane', '-p', '-J', '-t', 'progress', '-S', '-500'])).stdout,
    kill: async () => {
      await tmux(['kill-server']);
    },
  };
}
