/** Variables that steer git or lefthook from outside: GIT_DIR or GIT_INDEX_FILE when the suite
 * runs inside a hook, LEFTHOOK=0 or LEFTHOOK_EXCLUDE in a developer's shell, CI on runners. */
const STEERING = /^(GIT_|LEFTHOOK|CI$)/;

/**
 * The environment for git, and the hooks it runs, in a test's throwaway repository: this
 * process's variables minus those that steer git or lefthook, no global or system git
 * configuration (a developer's core.hooksPath or init.templateDir would change what a test
 * sees), and a fixed identity. Pass it with `extendEnv: false`.
 */
export function isolatedGitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !STEERING.test(name)) env[name] = value;
  }
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...extra,
  };
}
