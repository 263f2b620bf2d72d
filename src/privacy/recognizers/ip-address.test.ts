import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipAddress, ipv6Ok } from './ip-address.js';
import { assertFinds, assertNothing, easternDigits } from './test-support.js';

const VALID: [string, string][] = [
  ['Adresse IP : 192.168.1.10', '192.168.1.10'],
  ['Le serveur 41.250.3.7 ne répond pas.', '41.250.3.7'],
  ['عنوان IP هو 10.0.0.1', '10.0.0.1'],
  ['l ip dyal serveur 255.255.255.255', '255.255.255.255'],
  ['Connection from 2001:db8:85a3::8a2e:370:7334 refused', '2001:db8:85a3::8a2e:370:7334'],
  ['lien local fe80::1', 'fe80::1'],
  ['full 2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
  ['mapped ::ffff:192.168.1.1', '::ffff:192.168.1.1'],
];

const INVALID: string[] = [
  '256.1.1.1 est invalide',
  'version 1.2.3',
  'rendez-vous à 14:30 ou 14:30:00',
  '1.2.3.4.5',
  '192.168.01.1',
  'MAC 00:1A:2B:3C:4D:5E',
  'note :: voir plus bas',
  'le décret 2.09.165 et la loi 31.13',
  'montant 1.250.000.00',
];

describe('IP_ADDRESS recognizer', () => {
  for (const [text, value] of VALID) {
    it(`finds ${value} in "${text}"`, () => void assertFinds(ipAddress, text, value));
  }
  for (const text of INVALID) {
    it(`finds nothing in "${text}"`, () => assertNothing(ipAddress, text));
  }

  it('parses RFC 4291 text forms', () => {
    assert.equal(ipv6Ok('::1'), true);
    assert.equal(ipv6Ok('1::2::3'), false);
    assert.equal(ipv6Ok('1:2:3:4:5:6:7'), false);
    assert.equal(ipv6Ok('1:2:3:4:5:6:7:8'), true);
    assert.equal(ipv6Ok('::'), false);
  });

  it('finds an address written with Eastern Arabic digits', () => {
    const eastern = easternDigits('192.168.1.10');
    assertFinds(ipAddress, `عنوان IP ${eastern}`, eastern);
  });
});
