/** Small formatting helpers for image listings. */

/** `sha256:0123456789ab`: enough of a digest to tell images apart in a table. */
export const shortDigest = (digest: string): string => digest.slice(0, 'sha256:'.length + 12);

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '-';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? ''}`;
}

/** How long ago, coarsely: `45 s`, `12 min`, `3 h`, `9 d`. */
export function formatAge(iso: string | undefined, now: Date): string {
  if (iso === undefined) return '-';
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return '-';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}
