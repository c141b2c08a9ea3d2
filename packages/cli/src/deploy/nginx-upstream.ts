/**
 * The upstream file that points nginx at one slot. Keep-alive to the upstream plus
 * `proxy_http_version 1.1` in the server block is what makes a reload drop nothing.
 */
export function renderUpstream(service: string, port: number, slotLabel: string): string {
  return [
    `# Managed by opsctl: active slot ${slotLabel}. Replaced atomically, then nginx -t and reload.`,
    `upstream opsctl_${service.replace(/[^A-Za-z0-9_]/g, '_')} {`,
    `    server 127.0.0.1:${port};`,
    '    keepalive 32;',
    '}',
    '',
  ].join('\n');
}
