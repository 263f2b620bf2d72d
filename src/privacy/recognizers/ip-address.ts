import type { Recognizer } from '../types.js';

/** IPv4 (each octet 0–255, no leading zeros) and IPv6 (full, compressed with "::", IPv4-mapped). */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?![\\w])(?!\\.\\d)`;
const HEX = '[0-9A-Fa-f]';
const IPV6 =
  `(?<![\\w:.])(?:${HEX}{1,4}(?::${HEX}{0,4}){2,7}|::(?:${HEX}{1,4}(?::${HEX}{1,4}){0,6})?)` +
  `(?:(?:(?<=:)|:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?![\\w:])(?!\\.\\d)`;

function ipv4Ok(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** RFC 4291 text forms: 8 groups, or fewer around exactly one "::"; an IPv4 tail counts as two groups. */
export function ipv6Ok(text: string): boolean {
  let body = text;
  let tailGroups = 0;
  const v4 = /:((?:\d{1,3}\.){3}\d{1,3})$/.exec(text);
  if (v4) {
    if (!ipv4Ok(v4[1]!)) return false;
    body = text.slice(0, v4.index + 1);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
    tailGroups = 2;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  if (all.length === 0 && tailGroups === 0) return false; // "::" alone is punctuation in prose
  const count = all.length + tailGroups;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function validateIp(match: string): boolean {
  return match.includes(':') ? ipv6Ok(match) : ipv4Ok(match);
}

export const ipAddress: Recognizer = {
  entity: 'IP_ADDRESS',
  patterns: [
    { name: 'ipv4', regex: new RegExp(IPV4, 'g'), score: 0.6, prefilter: /\d\.\d/ },
    { name: 'ipv6', regex: new RegExp(IPV6, 'g'), score: 0.6, prefilter: /:[0-9A-Fa-f]{0,4}:/ },
  ],
  context: [
    'ip',
    'adresse ip',
    'ip address',
    'ipv4',
    'ipv6',
    'serveur',
    'server',
    'routeur',
    'router',
    'connexion',
    'عنوان ip',
    'عنوان الاي بي',
    'الاي بي',
    'الخادم',
    'السيرفر',
  ],
  validate: validateIp,
};
