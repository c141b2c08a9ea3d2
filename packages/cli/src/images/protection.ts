/** Why an image must stay: it serves somewhere, or a rollback would return to it. */
export interface Protection {
  readonly digest: string;
  readonly environment: string;
  readonly droplet: string;
  readonly role: 'active' | 'previous';
  readonly sha: string;
}

export const describeProtection = (p: Protection): string =>
  p.role === 'active'
    ? `deployed on ${p.environment}/${p.droplet}`
    : `previous release on ${p.environment}/${p.droplet} (rollback target)`;
