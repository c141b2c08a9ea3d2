/**
 * The first TCP port a Dockerfile's EXPOSE instructions name (`EXPOSE 8080`, `EXPOSE 8080/tcp`),
 * or undefined when none does. Ports given as build variables (`EXPOSE $PORT`) or UDP ports are
 * skipped: neither is a port opsctl can health-check.
 */
export function exposedPort(dockerfile: string): number | undefined {
  // Backslash continuations join lines, as Docker reads them.
  const instructions = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of instructions) {
    const match = /^\s*EXPOSE\s+(.+)$/i.exec(line);
    if (match === null) continue;
    for (const word of (match[1] ?? '').trim().split(/\s+/)) {
      const port = /^(\d{1,5})(?:\/tcp)?$/i.exec(word);
      const value = port === null ? NaN : Number(port[1]);
      if (value >= 1 && value <= 65_535) return value;
    }
  }
  return undefined;
}
