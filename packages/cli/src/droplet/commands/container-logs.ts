import type { RemoteCommand } from '../../exec/remote-command.js';

export interface LogsRequest {
  readonly container: string;
  /** docker's `--since`: `600s` or an ISO time (see day-two/log-since.ts). */
  readonly since?: string | undefined;
  /** Last lines to show; undefined for all (within `since`). */
  readonly tail?: number | undefined;
  readonly follow: boolean;
}

/** A container's logs, as docker keeps them: its stdout on stdout, its stderr on stderr. */
export const containerLogStream = (request: LogsRequest): RemoteCommand => ({
  argv: [
    'docker',
    'logs',
    ...(request.tail === undefined ? [] : ['--tail', String(request.tail)]),
    ...(request.since === undefined ? [] : ['--since', request.since]),
    ...(request.follow ? ['--follow'] : []),
    request.container,
  ],
  description: `${request.follow ? 'follow' : 'read'} the logs of ${request.container}`,
  readOnly: true,
});
