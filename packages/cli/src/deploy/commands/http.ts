import type { RemoteCommand } from '../../exec/remote-command.js';

/** A GET on the droplet that prints only `format` (curl's --write-out), within 2 s; the body is dropped. */
const curlWriteOut = (url: string, format: string): string[] => [
  'curl',
  '--silent',
  '--output',
  '/dev/null',
  '--max-time',
  '2',
  '--write-out',
  format,
  url,
];

/** The HTTP status of a GET on the droplet itself (000 when nothing answers; curl exits 0 for any status). */
export const httpStatus = (port: number, path: string): RemoteCommand => ({
  argv: curlWriteOut(`http://127.0.0.1:${port}${path}`, '%{http_code}'),
  description: `GET 127.0.0.1:${port}${path}`,
  readOnly: true,
});

/** Established TCP connections to a local port: the in-flight work of a slot being drained. */
export const establishedConnections = (port: number): RemoteCommand => ({
  argv: ['sh', '-c', 'ss -Htn state established "( sport = :$1 )" | wc -l', 'sh', String(port)],
  description: `count connections to port ${port}`,
  readOnly: true,
});

/** Status and serving slot of a GET through the droplet's nginx: `200 127.0.0.1:3002`. */
export const servedBy = (path: string): RemoteCommand => ({
  argv: curlWriteOut(`http://127.0.0.1:80${path}`, '%{http_code} %header{x-opsctl-upstream}'),
  description: `GET ${path} through nginx`,
  readOnly: true,
});
