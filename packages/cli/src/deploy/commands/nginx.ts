import type { RemoteCommand } from '../../exec/remote-command.js';

/** The deploy user may run exactly these two as root (see the droplet's sudoers file). */
export const nginxTest = (): RemoteCommand => ({
  argv: ['sudo', '-n', '/usr/sbin/nginx', '-t'],
  description: 'test the nginx configuration',
});

/** A reload: new workers take the new upstream, old ones finish their requests. Never a restart. */
export const nginxReload = (): RemoteCommand => ({
  argv: ['sudo', '-n', '/usr/sbin/nginx', '-s', 'reload'],
  description: 'reload nginx',
});
