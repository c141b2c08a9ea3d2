/**
 * What a deploy or rollback tells about each droplet while it runs, as values: the renderer
 * (a task tree in a terminal, timestamped lines elsewhere) is chosen by the command, never here.
 */

/** The steps of a droplet's blue-green switch, in order. */
export const PHASES = ['pull', 'start', 'healthy', 'switch', 'drain'] as const;
export type Phase = (typeof PHASES)[number];

export type PhaseStatus = 'running' | 'done' | 'skipped' | 'failed';

/** What a per-droplet procedure reports; the run adds the droplet and the time. */
export type HostEvent =
  | {
      readonly type: 'phase';
      readonly phase: Phase;
      readonly status: PhaseStatus;
      /** Why it was skipped or how it failed (first line). */
      readonly detail?: string;
    }
  | { readonly type: 'note'; readonly message: string };

/** A {@link HostEvent} of one droplet, stamped with when it happened (ms since the epoch). */
export type DeployEvent = HostEvent & { readonly droplet: string; readonly at: number };
