// Unit tests for the cidr operator and IP recognition: AWS-recorded cases from the shared corpus
// (by id), event-ruler's CIDRTest expectations, and behaviour measured on event-ruler 2.0.1
// (JDK 17, no network, so nothing was resolved through DNS).

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CidrRange,
  IpAddress,
  cidrContains,
  ipExactMatch,
  ipKey,
  parseCidr,
  parseIpAddress,
} from '../../../src/engine/operators/cidr';

function rangeOf(text: string): CidrRange {
  const parsed = parseCidr(text);
  assert.ok(parsed.ok, `expected ${text} to parse: ${parsed.ok ? '' : parsed.reason}`);
  return parsed.range;
}

function reasonOf(text: string): string {
  const parsed = parseCidr(text);
  assert.ok(!parsed.ok, `expected ${text} to be rejected`);
  return parsed.reason;
}

function ip(text: string): IpAddress {
  const parsed = parseIpAddress(text);
  assert.ok(parsed, `expected ${text} to be an address`);
  return parsed;
}

function inside(cidr: string, value: string): boolean {
  const parsed = parseIpAddress(value);
  return parsed !== undefined && cidrContains(rangeOf(cidr), parsed);
}

/** Top of the range as hex, the way the ruler prints it in CIDRTest. */
function bounds(cidr: string): string {
  const range = rangeOf(cidr);
  const keep = (k: number): number => (0xff00 >> Math.max(0, Math.min(8, range.maskBits - 8 * k)))
    & 0xff;
  const top = range.network.map((b, k) => b | (~keep(k) & 0xff));
  return `${ipKey({ version: range.version, bytes: range.network })}/` +
    ipKey({ version: range.version, bytes: top });
}

describe('parseCidr', () => {
  test('AWS ls.content_ip_address_EXC: no slash', () => {
    assert.equal(reasonOf('bad-filter'), "Malformed CIDR, one '/' required");
  });

  test('AWS ls.content_ip_address_bad_mask_EXC: mask not an integer', () => {
    assert.equal(reasonOf('bad-/64filter'), 'Malformed CIDR, mask bits must be an integer');
  });

  test('AWS ls.content_ip_address_bad_ip_EXC and _v6_bad_ip_EXC: bad address', () => {
    assert.equal(reasonOf('xx.11.xx/8'), 'Nonstandard IP address: xx.11.xx');
    assert.equal(reasonOf('xxxx:db8:1234:1a00::/64'),
      'Nonstandard IP address: xxxx:db8:1234:1a00::');
  });

  test('AWS ls.content_ip_address and _v6: valid ranges', () => {
    assert.deepEqual(rangeOf('10.0.0.0/24'),
      { version: 4, network: Uint8Array.from([10, 0, 0, 0]), maskBits: 24 });
    const v6 = rangeOf('2001:db8:1234:1a00::/64');
    assert.equal(v6.version, 6);
    assert.equal(ipKey({ version: 6, bytes: v6.network }), '20010DB812341A000000000000000000');
  });

  test('ruler CIDRTest.SpotMalformedCIDRs, with the messages the ruler gives', () => {
    const expected: [string, string][] = [
      ['192.168.0.1/33', 'IPv4 mask bits must be < 32'],
      ['foo', "Malformed CIDR, one '/' required"],
      ['foo/bar/baz', "Malformed CIDR, one '/' required"],
      ['192.168.0.1/foo', 'Malformed CIDR, mask bits must be an integer'],
      ['192.168.0.1/-3424', 'Malformed CIDR, mask bits must not be negative'],
      ['snorkle/3', 'Nonstandard IP address: snorkle'],
      ['10.10.10.10.10/3', 'Nonstandard IP address: 10.10.10.10.10'],
      ['2.1.0.-1/3', 'Nonstandard IP address: 2.1.0.-1'],
      ['2400:6500:3:3:3:3:3:3:3:3FF00::36FB:1F80/122',
        'Invalid IP address: 2400:6500:3:3:3:3:3:3:3:3FF00::36FB:1F80'],
      ['2400:6500:3:3:-5:3:3:3:3:3FF00::36FB:1F80/122',
        'Nonstandard IP address: 2400:6500:3:3:-5:3:3:3:3:3FF00::36FB:1F80'],
      ['2400:6500:3:3:3:3:FFFFFFFFFFF:3:3:3FF00::36FB:1F80/122',
        'Invalid IP address: 2400:6500:3:3:3:3:FFFFFFFFFFF:3:3:3FF00::36FB:1F80'],
      ['2400:6500:FF00::36FB:1F80/222', 'IPv6 mask bits must be < 128'],
    ];
    for (const [text, reason] of expected) assert.equal(reasonOf(text), reason, text);
  });

  test('mask limits: /31 and /127 are the largest accepted', () => {
    assert.equal(reasonOf('10.0.0.0/32'), 'IPv4 mask bits must be < 32');
    assert.equal(reasonOf('::/128'), 'IPv6 mask bits must be < 128');
    assert.equal(bounds('10.0.0.0/31'), '0A000000/0A000001');
    assert.equal(bounds('::/127'),
      '00000000000000000000000000000000/00000000000000000000000000000001');
    assert.equal(bounds('0.0.0.0/0'), '00000000/FFFFFFFF');
  });

  test('checks run in the ruler order: slash, mask, sign, address, version limit', () => {
    assert.equal(reasonOf('bad/x'), 'Malformed CIDR, mask bits must be an integer');
    assert.equal(reasonOf('bad/-1'), 'Malformed CIDR, mask bits must not be negative');
    assert.equal(reasonOf('bad/99'), 'Nonstandard IP address: bad');
    assert.equal(reasonOf('10.0.0.256/8'), 'Invalid IP address: 10.0.0.256');
  });

  test('the slash is split the Java way: trailing empty pieces vanish', () => {
    assert.equal(bounds('10.0.0.0/8/'), '0A000000/0AFFFFFF');
    assert.equal(bounds('10.0.0.0/8//'), '0A000000/0AFFFFFF');
    assert.equal(reasonOf('10.0.0.0/'), "Malformed CIDR, one '/' required");
    assert.equal(reasonOf('10.0.0.0//8'), "Malformed CIDR, one '/' required");
    assert.equal(reasonOf('/'), "Malformed CIDR, one '/' required");
    assert.equal(reasonOf(''), "Malformed CIDR, one '/' required");
    assert.equal(reasonOf('/8'), 'Nonstandard IP address: ');
  });

  test('the mask is read by Integer.parseInt', () => {
    assert.equal(bounds('10.0.0.0/+8'), '0A000000/0AFFFFFF');
    assert.equal(bounds('10.0.0.0/08'), '0A000000/0AFFFFFF');
    assert.equal(bounds('10.0.0.0/-0'), '00000000/FFFFFFFF');
    // Any decimal digit of the Basic Multilingual Plane counts.
    assert.equal(bounds('10.0.0.0/٣'), '00000000/1FFFFFFF');
    assert.equal(bounds('1.2.3.4/１０'), '01000000/013FFFFF');
    assert.equal(reasonOf('1.2.3.4/٣٢'), 'IPv4 mask bits must be < 32');
    // A supplementary-plane digit (𝟏) is two UTF-16 units, neither of them a digit.
    for (const bad of [' 8', '8 ', '0x8', '-', '+', '2147483648', '𝟏']) {
      assert.equal(reasonOf(`10.0.0.0/${bad}`), 'Malformed CIDR, mask bits must be an integer',
        JSON.stringify(bad));
    }
    assert.equal(reasonOf('1.2.3.4/-2147483648'), 'Malformed CIDR, mask bits must not be negative');
    assert.equal(reasonOf('1.2.3.4/2147483647'), 'IPv4 mask bits must be < 32');
  });

  test('host bits set in the rule are tolerated (ruler CIDRTest.TestCorrectRanges)', () => {
    const expected: [string, string][] = [
      ['0011:2233:4455:6677:8899:aabb:ccdd:eeff/24',
        '00112200000000000000000000000000/001122FFFFFFFFFFFFFFFFFFFFFFFFFF'],
      ['2001:db8::ff00:42:8329/24',
        '20010D00000000000000000000000000/20010DFFFFFFFFFFFFFFFFFFFFFFFFFF'],
      ['::1/24', '00000000000000000000000000000000/000000FFFFFFFFFFFFFFFFFFFFFFFFFF'],
      ['10.0.0.0/24', '0A000000/0A0000FF'],
      ['54.240.196.171/24', '36F0C400/36F0C4FF'],
      ['192.0.2.0/24', 'C0000200/C00002FF'],
      ['13.32.0.0/15', '0D200000/0D21FFFF'],
      ['27.0.0.0/22', '1B000000/1B0003FF'],
      ['52.76.128.0/17', '344C8000/344CFFFF'],
      ['34.192.0.0/12', '22C00000/22CFFFFF'],
      ['2400:6500:FF00::36FB:1F80/122',
        '24006500FF0000000000000036FB1F80/24006500FF0000000000000036FB1FBF'],
      ['2600:9000::/28', '26009000000000000000000000000000/2600900FFFFFFFFFFFFFFFFFFFFFFFFF'],
      ['2600:1F11::/36', '26001F11000000000000000000000000/26001F110FFFFFFFFFFFFFFFFFFFFFFF'],
      ['2600:1F14::/35', '26001F14000000000000000000000000/26001F141FFFFFFFFFFFFFFFFFFFFFFF'],
    ];
    for (const [text, want] of expected) assert.equal(bounds(text), want, text);
  });

  test('IPv4-mapped IPv6: dotted text is nonstandard, hex text becomes IPv4', () => {
    assert.equal(reasonOf('::ffff:10.0.0.1/8'), 'Nonstandard IP address: ::ffff:10.0.0.1');
    const mapped = rangeOf('::ffff:a00:1/8');
    assert.equal(mapped.version, 4);
    assert.equal(bounds('::ffff:a00:1/8'), '0A000000/0AFFFFFF');
    // Being IPv4 now, it gets the IPv4 mask limit.
    assert.equal(reasonOf('::ffff:a00:1/100'), 'IPv4 mask bits must be < 32');
    assert.equal(reasonOf('fe80::1%eth0/64'), 'Nonstandard IP address: fe80::1%eth0');
  });
});

describe('parseIpAddress', () => {
  test('ruler CIDRTest.TestToString: canonical hex keys', () => {
    const expected: [string, string][] = [
      ['0011:2233:4455:6677:8899:aabb:ccdd:eeff', '00112233445566778899AABBCCDDEEFF'],
      ['2001:db8::ff00:42:8329', '20010DB8000000000000FF0000428329'],
      ['::1', '00000000000000000000000000000001'],
      ['10.0.0.0', '0A000000'],
      ['54.240.196.171', '36F0C4AB'],
      ['192.0.2.0', 'C0000200'],
      ['2400:6500:FF00::36FB:1F80', '24006500FF0000000000000036FB1F80'],
      ['2600:9000::', '26009000000000000000000000000000'],
    ];
    for (const [text, key] of expected) assert.equal(ipKey(ip(text)), key, text);
  });

  test('ruler CIDRTest.testToStringFailures: not addresses', () => {
    for (const bad of ['700.168.0.1', 'foo', 'foo/bar/baz', '192.-3.0.1', 'snorkle',
      '10.10.10.10.10', '2.1.0.-1', '2400:6500:3:3:-5:3:3:3:3:3FF00::36FB:1F80']) {
      assert.equal(parseIpAddress(bad), undefined, bad);
    }
  });

  test('AWS ls.content_ip_address_NEG: 10.0.0.256 is not an address', () => {
    assert.equal(parseIpAddress('10.0.0.256'), undefined);
  });

  test('IPv6 in expanded, zero-padded, compressed and upper-case forms', () => {
    const key = '20010DB8000000000000000000000001';
    for (const text of ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001',
      '2001:0db8:0:0:0:0:0:0001', '2001:DB8::1', '2001:db8:0:0:0:0:0:1']) {
      assert.equal(ipKey(ip(text)), key, text);
    }
  });

  test('Java literal quirks (measured on JDK 17)', () => {
    assert.equal(ipKey(ip('010.0.0.1')), '0A000001');
    assert.equal(ipKey(ip('00001.2.3.4')), '01020304');
    assert.equal(ipKey(ip('00000000001::')), '00010000000000000000000000000000');
    assert.equal(ipKey(ip('1:2:3:4:5:6:7::')), '00010002000300040005000600070000');
    assert.equal(ipKey(ip('::')), '00000000000000000000000000000000');
    // More than 15 characters is never a numeric IPv4 literal for Java.
    assert.equal(parseIpAddress('001.002.003.0004'), undefined);
    for (const bad of ['1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1::2::3', '1:2:3:4:5:6:7',
      '0::0:', ':', ':::', '12345::', '08:23', '1.2.3', ' 1.2.3.4', '1.2.3.4 ', '[::1]']) {
      assert.equal(parseIpAddress(bad), undefined, bad);
    }
  });

  test('IPv4-mapped hex text is the IPv4 address; other IPv6 stays IPv6', () => {
    assert.deepEqual(ip('::ffff:a00:1'), { version: 4, bytes: Uint8Array.from([10, 0, 0, 1]) });
    assert.equal(ipKey(ip('0:0:0:0:0:fffF:1:2')), '00010002');
    assert.equal(ip('0:0:0:0:1:ffff:1:2').version, 6);
    assert.equal(ip('::a00:1').version, 6);
    assert.equal(parseIpAddress('::ffff:10.0.0.1'), undefined);
  });
});

describe('cidrContains', () => {
  test('AWS ls.content_ip_address: /24 includes .255', () => {
    assert.equal(inside('10.0.0.0/24', '10.0.0.255'), true);
  });

  test('AWS ls.content_ip_address_NEG: 10.0.0.256 never matches', () => {
    assert.equal(inside('10.0.0.0/24', '10.0.0.256'), false);
  });

  test('AWS ls.content_ip_address_v6 and _v6_NEG', () => {
    assert.equal(inside('2001:db8:1234:1a00::/64', '2001:0db8:1234:1a00:0000:0000:0000:0000'),
      true);
    assert.equal(inside('2001:db8:1234:1a00::/64', '2001:0db8:123f:1a01:0000:0000:0000:0000'),
      false);
  });

  test('ruler RulesFromReadmeAreTried: 10.0.0.33 in /24 and /8', () => {
    assert.equal(inside('10.0.0.0/24', '10.0.0.33'), true);
    assert.equal(inside('10.0.0.0/8', '10.0.0.33'), true);
  });

  test('bounds are inclusive and exact at odd mask lengths', () => {
    assert.equal(inside('10.0.0.0/24', '10.0.0.0'), true);
    assert.equal(inside('10.0.0.0/24', '10.0.1.0'), false);
    assert.equal(inside('10.0.0.0/24', '9.255.255.255'), false);
    assert.equal(inside('13.32.0.0/15', '13.33.255.255'), true);
    assert.equal(inside('13.32.0.0/15', '13.34.0.0'), false);
    assert.equal(inside('10.0.0.5/24', '10.0.0.200'), true);
    assert.equal(inside('10.0.0.4/31', '10.0.0.5'), true);
    assert.equal(inside('10.0.0.4/31', '10.0.0.6'), false);
    assert.equal(inside('2001:db8::/32', '2001:DB8::FFFF'), true);
  });

  test('IPv6 events in any spelling', () => {
    for (const value of ['2001:db8::1', '2001:DB8:0:0:0:0:0:1', '2001:0db8::0001']) {
      assert.equal(inside('2001:db8::/64', value), true, value);
    }
  });

  test('across versions, as event-ruler matches (unrecorded on AWS)', () => {
    // The ruler's range automaton stops as soon as the digits settle the question.
    assert.equal(inside('10.0.0.0/8', 'a00::'), true);
    assert.equal(inside('10.0.0.0/8', 'a00:1:2:3:4:5:6:7'), true);
    assert.equal(inside('10.0.0.0/8', 'b00::'), false);
    assert.equal(inside('10.0.0.0/8', '::ffff:a00:1'), true);
    assert.equal(inside('a00::/8', '10.0.0.1'), true);
    assert.equal(inside('a00::/8', '10.0.0.0'), false);
    assert.equal(inside('::/0', '1.2.3.4'), true);
    assert.equal(inside('::/0', '0.0.0.0'), false);
    assert.equal(inside('0.0.0.0/0', '::1'), true);
  });
});

describe('ipExactMatch', () => {
  test('an exact IP pattern matches every spelling of the address', () => {
    assert.equal(ipExactMatch(ip('10.0.0.1'), ip('010.0.0.1')), true);
    assert.equal(ipExactMatch(ip('2001:db8::1'), ip('2001:0db8:0:0:0:0:0:0001')), true);
    assert.equal(ipExactMatch(ip('::ffff:a00:1'), ip('10.0.0.1')), true);
    assert.equal(ipExactMatch(ip('10.0.0.15'), ip('10.0.0.16')), false);
    assert.equal(ipExactMatch(ip('10.0.0.15'), ip('10.0.0.14')), false);
  });

  test('the last hex digit is handled at both ends of its range (ruler single-IP ranges)', () => {
    for (const last of ['0', '5', '9', 'a', 'c', 'f']) {
      const text = `2400:6500:ff00::36fb:1f8${last}`;
      assert.equal(ipExactMatch(ip(text), ip(text)), true, text);
      assert.equal(ipExactMatch(ip(text), ip('2400:6500:ff00::36fb:1f7f')), false, text);
    }
    assert.equal(ipExactMatch(ip('255.255.255.255'), ip('255.255.255.255')), true);
    assert.equal(ipExactMatch(ip('255.255.255.255'), ip('255.255.255.254')), false);
    assert.equal(ipExactMatch(ip('54.240.196.255'), ip('54.240.196.255')), true);
  });

  test('across versions, as event-ruler matches (unrecorded on AWS)', () => {
    assert.equal(ipExactMatch(ip('10.0.0.1'), ip('a00:1::')), true);
    assert.equal(ipExactMatch(ip('10.0.0.1'), ip('a00:2::')), false);
    assert.equal(ipExactMatch(ip('a00:1::'), ip('10.0.0.1')), false);
  });

  test('ipKey is the ruler text form and separates versions', () => {
    assert.equal(ipKey(ip('10.0.0.1')), '0A000001');
    assert.notEqual(ipKey(ip('10.0.0.1')), ipKey(ip('a00:1::')));
  });
});
