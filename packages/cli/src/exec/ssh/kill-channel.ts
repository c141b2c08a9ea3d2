import type { ClientChannel } from 'ssh2';

/** The ssh2 internals needed to send a signal on a channel whose stdin is already closed. */
interface ChannelInternals {
  readonly outgoing: { readonly id: number; readonly state: string };
  readonly _client: { readonly _protocol: { signal(id: number, name: string): void } };
}

/**
 * Kill the remote process of an exec channel, then close the channel. OpenSSH does not kill a
 * command when its channel closes, so without the signal a stopped command would keep running.
 * ssh2's `signal()` refuses once stdin reached EOF (which every command does right away), although
 * RFC 4254 allows it; hence the call into its protocol object. OpenSSH honours the signal for
 * ordinary users (privilege separation); for root logins it ignores it, one more reason deploys
 * log in as an unprivileged user.
 */
export function killChannel(channel: ClientChannel): void {
  const internals = channel as unknown as ChannelInternals;
  if (internals.outgoing.state === 'open' || internals.outgoing.state === 'eof') {
    try {
      internals._client._protocol.signal(internals.outgoing.id, 'KILL');
    } catch {
      // The connection is already gone; the server side ends with it.
    }
  }
  channel.close();
}
