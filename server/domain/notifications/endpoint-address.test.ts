import { describe, expect, it } from 'vitest';
import { addressRefusal, checkEndpoint } from './endpoint-address';

describe('addressRefusal', () => {
  it.each([
    ['8.8.8.8', null],
    ['142.250.74.110', null],
    ['1.1.1.1', null],
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', null],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.100.100.200', 'shared (carrier-grade NAT)'],
    ['100.128.0.1', null],
    ['169.254.169.254', 'link-local'],
    ['192.0.0.192', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['203.0.113.7', 'documentation'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
  ])('IPv4 %s → %s', (address, refusal) => {
    expect(addressRefusal(address)).toBe(refusal);
  });

  it.each([
    ['2607:f8b0:4004:800::200e', null],
    ['2a00:1450:4001:82a::200a', null],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd00:ec2::254', 'private'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001:0:4136:e378::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
    ['[::1]', 'loopback'],
  ])('IPv6 %s → %s', (address, refusal) => {
    expect(addressRefusal(address)).toBe(refusal);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', null],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', null],
  ])('an IPv4 address inside IPv6 is judged as IPv4: %s → %s', (address, refusal) => {
    expect(addressRefusal(address)).toBe(refusal);
  });

  it.each(['localhost', '1.2.3', '256.1.1.1', '1::2::3', 'fe80::1%eth0', '12345::1'])(
    '%s is not an address it accepts',
    (address) => {
      expect(addressRefusal(address)).not.toBeNull();
    },
  );
});

describe('checkEndpoint', () => {
  const strict = { allowLocal: false };
  const reasonOf = (endpoint: string) => {
    const check = checkEndpoint(endpoint, strict);
    return check.ok ? null : check.reason;
  };

  it('accepts an https endpoint on a host name, to be resolved', () => {
    const check = checkEndpoint('https://fcm.googleapis.com/fcm/send/abc', strict);
    expect(check).toMatchObject({ ok: true, hostname: 'fcm.googleapis.com', resolve: true });
  });

  it('accepts a public IP literal without resolving it', () => {
    expect(checkEndpoint('https://8.8.8.8/push', strict)).toMatchObject({ ok: true, resolve: false });
  });

  it.each([
    ['http://push.example.com/x', 'https'],
    ['ftp://push.example.com/x', 'https'],
    ['javascript:alert(1)', 'https'],
    ['not a url', 'valid URL'],
    ['https://user:secret@push.example.com/x', 'user name'],
    ['https://localhost/x', 'loopback'],
    ['https://push.localhost/x', 'loopback'],
    ['https://localhost./x', 'loopback'],
    ['https://127.0.0.1/x', 'loopback'],
    ['https://[::1]/x', 'loopback'],
    ['https://[::ffff:127.0.0.1]/x', 'loopback'],
    ['https://[fe80::1]/x', 'link-local'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://192.168.0.1:8443/x', 'private'],
    // The URL parser reads these IPv4 spellings as the addresses they mean.
    ['https://2130706433/x', 'loopback'],
    ['https://0x7f.1/x', 'loopback'],
    ['https://0177.0.0.1/x', 'loopback'],
    ['https://017700000001/x', 'loopback'],
    ['https://0/x', 'unspecified'],
  ])('refuses %s (%s)', (endpoint, words) => {
    expect(reasonOf(endpoint)).toContain(words);
  });

  it('with local endpoints allowed (tests only), accepts a local receiver over http', () => {
    expect(checkEndpoint('http://127.0.0.1:4567/push/1', { allowLocal: true })).toMatchObject({
      ok: true,
      resolve: false,
    });
    expect(checkEndpoint('ftp://127.0.0.1/x', { allowLocal: true }).ok).toBe(false);
  });
});
