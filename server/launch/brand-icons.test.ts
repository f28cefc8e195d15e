import { describe, expect, it } from 'vitest';
import { icoFromPngs } from './brand-icons';

describe('icoFromPngs', () => {
  it('writes the header and one entry per image pointing at its bytes', () => {
    const a = Buffer.from('first-png');
    const b = Buffer.from('second');
    const ico = icoFromPngs([
      { size: 16, png: a },
      { size: 256, png: b },
    ]);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect(ico.readUInt8(6)).toBe(16);
    expect(ico.readUInt8(6 + 16)).toBe(0); // 256 is written as 0
    const firstOffset = ico.readUInt32LE(6 + 12);
    expect(firstOffset).toBe(6 + 32);
    expect(ico.subarray(firstOffset, firstOffset + ico.readUInt32LE(6 + 8)).toString()).toBe('first-png');
    const secondOffset = ico.readUInt32LE(6 + 16 + 12);
    expect(ico.subarray(secondOffset).toString()).toBe('second');
  });
});
