import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { docker } from './docker-cli.js';

/**
 * The application user's grants, from the one SQL file Ansible applies to a managed cluster
 * (playbooks/database-grants.yml), so the local database gets exactly what a real one gets.
 */
export const APP_GRANTS_SQL = fileURLToPath(
  new URL(
    '../../../../infrastructure/ansible/roles/pg_app_grants/files/app-grants.sql',
    import.meta.url,
  ),
);

export interface GrantTarget {
  /** The database's owner, who applies the grants. */
  readonly owner: string;
  readonly database: string;
  readonly appUser: string;
}

/** Applies the grants file as the owner, through psql in the PostgreSQL container (its socket). */
export async function applyAppGrants(container: string, target: GrantTarget): Promise<void> {
  await docker(
    [
      'exec',
      '-i',
      container,
      'psql',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '--no-psqlrc',
      '--username',
      target.owner,
      '--dbname',
      target.database,
      '--set',
      `app_user=${target.appUser}`,
      '-f',
      '-',
    ],
    await readFile(APP_GRANTS_SQL, 'utf8'),
  );
}
