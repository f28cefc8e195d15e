import { describe, expect, it } from 'vitest';
import {
  checkPictureFile,
  checkPictureHeader,
  formatMegabytes,
  isPictureKey,
  PICTURE_LIMITS,
  pictureVariantOfFile,
  sniffPicture,
} from './pictures';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);
const WEBP = text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');

describe('sniffPicture', () => {
  it.each([
    ['JPEG', JPEG, 'jpeg'],
    ['PNG', PNG, 'png'],
    ['WebP', WEBP, 'webp'],
    ['GIF', text('GIF89a\u0001\u0000'), 'gif'],
    ['BMP', bytes(0x42, 0x4d, 0x3a, 0, 0, 0), 'bmp'],
    ['TIFF', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0), 'tiff'],
    ['PDF', text('%PDF-1.7\n'), 'pdf'],
    ['HEIC', bytes(0, 0, 0, 0x18, ...text('ftypheic')), 'heif'],
    ['AVIF', bytes(0, 0, 0, 0x18, ...text('ftypavif')), 'avif'],
    ['SVG', text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'svg'],
    ['plain text', text('Hello, this is not a picture.\n'), 'text'],
    ['random bytes', bytes(0x01, 0x02, 0x03, 0xfe, 0x00), 'unknown'],
  ])('reads %s by its first bytes', (_name, input, kind) => {
    expect(sniffPicture(input)).toBe(kind);
  });
});

describe('checkPictureFile', () => {
  it.each([
    ['a JPEG', JPEG, 'jpeg'],
    ['a PNG', PNG, 'png'],
    ['a WebP', WEBP, 'webp'],
  ])('accepts %s', (_name, input, format) => {
    expect(checkPictureFile(input)).toEqual({ ok: true, value: format });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty', 'The file is empty. Choose a JPEG, PNG or WebP picture.'],
    [
      'a GIF',
      text('GIF89a\u0001\u0000'),
      'wrong_type',
      'This file is a GIF image; only JPEG, PNG or WebP pictures are accepted.',
    ],
    [
      'an SVG',
      text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'wrong_type',
      'This file is an SVG drawing; only JPEG, PNG or WebP pictures are accepted.',
    ],
    [
      'text',
      text('name,sku\npen,WRI-1\n'),
      'not_a_picture',
      'This file is not a picture (it holds text); only JPEG, PNG or WebP pictures are accepted.',
    ],
    [
      'unknown bytes',
      bytes(1, 2, 3, 0),
      'not_a_picture',
      'This file is not a picture we recognise; only JPEG, PNG or WebP pictures are accepted.',
    ],
  ])('refuses %s with a message saying what it is', (_name, input, reason, message) => {
    expect(checkPictureFile(input)).toEqual({ ok: false, reason, message });
  });

  it('refuses a file over 10 MB, even one that starts like a PNG', () => {
    const large = new Uint8Array(Math.round(12.4 * 1024 * 1024));
    large.set(PNG);
    expect(checkPictureFile(large)).toEqual({
      ok: false,
      reason: 'too_large',
      message: 'The picture is 12.4 MB; the largest accepted is 10 MB.',
    });
    const justOver = new Uint8Array(PICTURE_LIMITS.maxBytes + 1);
    justOver.set(PNG);
    expect(checkPictureFile(justOver)).toMatchObject({ reason: 'too_large' });
    const atLimit = new Uint8Array(PICTURE_LIMITS.maxBytes);
    atLimit.set(PNG);
    expect(checkPictureFile(atLimit)).toEqual({ ok: true, value: 'png' });
  });
});

describe('formatMegabytes', () => {
  it.each([
    [10 * 1024 * 1024, '10 MB'],
    [10 * 1024 * 1024 + 1, '10.1 MB'],
    [1024 * 1024 * 2.5, '2.5 MB'],
  ])('%i bytes read as %s', (count, words) => {
    expect(formatMegabytes(count)).toBe(words);
  });
});

describe('checkPictureHeader', () => {
  it('accepts a picture up to 40 megapixels', () => {
    expect(checkPictureHeader('png', { format: 'png', width: 8000, height: 5000 })).toEqual({
      ok: true,
      value: { width: 8000, height: 5000 },
    });
  });

  it('refuses more than 40 megapixels, saying how many', () => {
    expect(checkPictureHeader('png', { format: 'png', width: 8000, height: 6000 })).toEqual({
      ok: false,
      reason: 'too_many_pixels',
      message: 'The picture is 8000 × 6000 pixels (48 megapixels); the largest accepted is 40 megapixels.',
    });
  });

  it('refuses a header that disagrees with the magic bytes or has no size', () => {
    expect(checkPictureHeader('jpeg', { format: 'png', width: 10, height: 10 })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    expect(checkPictureHeader('webp', { format: 'webp' })).toMatchObject({ ok: false, reason: 'unreadable' });
  });
});

describe('picture addresses', () => {
  it.each([
    ['a'.repeat(64), true],
    ['0123456789abcdef'.repeat(4), true],
    ['A'.repeat(64), false],
    ['a'.repeat(63), false],
    ['g'.repeat(64), false],
    ['../'.repeat(21) + 'a', false],
  ])('key %s is valid: %s', (key, valid) => {
    expect(isPictureKey(key)).toBe(valid);
  });

  it.each([
    ['thumb.webp', 'thumb'],
    ['detail.webp', 'detail'],
    ['thumb.png', null],
    ['large.webp', null],
    ['constructor.webp', null],
    ['thumb.webp.js', null],
  ])('file %s is variant %s', (file, variant) => {
    expect(pictureVariantOfFile(file)).toBe(variant);
  });
});
