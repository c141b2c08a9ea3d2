export interface RegistryConfigInput {
  readonly addr: string;
  readonly storageDir: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly htpasswdPath: string;
}

/** A distribution registry config like a hosted one: TLS, htpasswd, deletes enabled for retention. */
export function registryConfigYaml(c: RegistryConfigInput): string {
  return [
    'version: 0.1',
    'log:',
    '  level: info',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${c.storageDir}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${c.addr}`,
    '  tls:',
    `    certificate: ${c.certPath}`,
    `    key: ${c.keyPath}`,
    'auth:',
    '  htpasswd:',
    '    realm: opsctl-test',
    `    path: ${c.htpasswdPath}`,
    '',
  ].join('\n');
}
