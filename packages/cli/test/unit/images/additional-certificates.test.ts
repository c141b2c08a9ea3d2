import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { additionalCertificates } from '../../../src/images/automatic-args.js';

const shipped = tls.rootCertificates;
const mine = `-----BEGIN CERTIFICATE-----\nMIIBlocalproxyCAthatnodedoesnotship\n-----END CERTIFICATE-----`;

describe('the extra CA certificates a build is given', () => {
  it('are only those Node does not already ship, whatever the line wrapping', () => {
    const bundle = [shipped[0], `${shipped[1]?.replace(/\n/g, '\r\n')}`, mine, shipped[2]].join(
      '\n',
    );
    expect(additionalCertificates(bundle, shipped)).toBe(mine);
  });

  it('are nothing for a bundle of shipped certificates only', () => {
    expect(additionalCertificates(shipped.slice(0, 5).join('\n'), shipped)).toBe('');
  });
});
