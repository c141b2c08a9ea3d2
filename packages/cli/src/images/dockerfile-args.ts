/**
 * Names a Dockerfile declares with `ARG` (`ARG NAME`, `ARG NAME=default`, several per line),
 * so opsctl passes its own build arguments only to Dockerfiles that use them.
 */
export function declaredArgs(dockerfile: string): Set<string> {
  const names = new Set<string>();
  // Line continuations join an instruction's lines.
  for (const line of dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const m = /^\s*ARG\s+(.*)$/i.exec(line);
    if (m?.[1] === undefined) continue;
    for (const word of m[1].trim().split(/\s+/)) {
      const name = /^([A-Za-z_][A-Za-z0-9_]*)(=|$)/.exec(word)?.[1];
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}
