import type { Output } from '../../output/output.js';
import type { HolderRecord } from './holder-record.js';
import type { DropletLockView, LockAgreement } from './lock-inspection.js';
import type { DropletRelease } from './release-holders.js';

const who = (h: HolderRecord | undefined): string =>
  h === undefined ? 'an unreadable record' : `${h.holder} on ${h.host} (pid ${h.pid})`;

const AGREEMENT: Readonly<Record<LockAgreement, string>> = {
  free: 'free on every droplet',
  held: 'held on every droplet by the same run',
  mixed: 'not the same on every droplet (see each one below)',
};

/** `lock status` for people: a line saying whether the droplets agree, then one row each. */
export function renderLockStatus(
  output: Output,
  view: {
    readonly environment: string;
    readonly state: LockAgreement;
    readonly droplets: readonly DropletLockView[];
  },
): void {
  if (view.droplets.length === 0) {
    output.line(`Environment ${view.environment} has no droplets: there is no lock to show.`);
    return;
  }
  output.line(`The lock of ${view.environment} is ${AGREEMENT[view.state]}.`);
  output.table(view.droplets, [
    { header: 'DROPLET', value: (d) => d.droplet },
    {
      header: 'LOCK',
      value: (d) => (d.state === 'free' ? 'free' : d.stale ? 'held, stale' : 'held'),
    },
    { header: 'HOLDER', value: (d) => (d.state === 'free' ? '-' : who(d.holder)) },
    { header: 'KIND', value: (d) => d.holder?.kind ?? '-' },
    { header: 'SHA', value: (d) => d.holder?.sha ?? '-' },
    { header: 'SINCE', value: (d) => d.holder?.acquiredAt ?? '-' },
    { header: 'RENEWED', value: (d) => d.holder?.renewedAt ?? '-' },
    { header: 'CI RUN', value: (d) => d.holder?.ciRunUrl ?? '-' },
  ]);
}

const DONE: Readonly<Record<DropletRelease['outcome'], string>> = {
  free: 'free, nothing to release',
  released: 'released',
  'would-release': 'would release (dry run)',
  gone: 'already released by its holder',
  changed: 'left alone: the record changed since it was read',
  failed: 'failed',
};

/** `lock release` for people: per droplet what was done, and whose lock it was. */
export function renderLockRelease(
  output: Output,
  view: { readonly environment: string; readonly droplets: readonly DropletRelease[] },
): void {
  for (const d of view.droplets) {
    const holder = d.outcome === 'free' ? '' : ` (${who(d.holder)}, ${d.reason})`;
    const now = d.outcome === 'changed' ? `; held now by ${who(d.holderNow)}` : '';
    const error = d.error === undefined ? '' : `: ${d.error}`;
    output.line(`${view.environment} on ${d.droplet}: ${DONE[d.outcome]}${holder}${now}${error}`);
  }
}
