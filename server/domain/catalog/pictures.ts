import { PICTURE_VARIANTS, type PictureVariant } from './picture-url';

/**
 * What a product picture upload may be, decided from its content only: the file's name and the
 * type the browser claims are never trusted (a GIF renamed .png is still a GIF).
 */
export const PICTURE_LIMITS = {
  /** 10 MB. */
  maxBytes: 10 * 1024 * 1024,
  /** 40 megapixels: checked from the header before any pixel is decoded. */
  maxPixels: 40_000_000,
} as const;

export const ACCEPTED_PICTURE_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type PictureFormat = (typeof ACCEPTED_PICTURE_FORMATS)[number];

/** What a file's first bytes say it is. */
export type SniffedKind =
  PictureFormat | 'gif' | 'svg' | 'bmp' | 'tiff' | 'heif' | 'avif' | 'ico' | 'pdf' | 'zip' | 'text' | 'unknown';

const KIND_NAMES: Record<Exclude<SniffedKind, 'text' | 'unknown'>, string> = {
  jpeg: 'a JPEG image',
  png: 'a PNG image',
  webp: 'a WebP image',
  gif: 'a GIF image',
  svg: 'an SVG drawing',
  bmp: 'a BMP image',
  tiff: 'a TIFF image',
  heif: 'a HEIC image',
  avif: 'an AVIF image',
  ico: 'an icon file',
  pdf: 'a PDF document',
  zip: 'a ZIP archive (or an Office document)',
};

const ACCEPTED_WORDS = 'only JPEG, PNG or WebP pictures are accepted';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Whether the start of a file reads as text (UTF-8 or ASCII without control bytes other than whitespace). */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const byte of head)
    if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length === 512 ? trimPartialUtf8(head) : head);
    return true;
  } catch {
    return false;
  }
}

/** The head cut at 512 bytes may end inside a multi-byte character; drop that tail. */
function trimPartialUtf8(head: Uint8Array): Uint8Array {
  let end = head.length;
  while (end > 0 && end > head.length - 4 && ((head[end - 1] ?? 0) & 0xc0) === 0x80) end -= 1;
  if (end > 0 && ((head[end - 1] ?? 0) & 0xc0) === 0xc0) end -= 1;
  return head.subarray(0, end);
}

/** What a file is by its magic bytes (and, for SVG and text, its first characters). */
export function sniffPicture(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d])) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ico';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heif';
  }
  const head = bytes.subarray(0, 512);
  if (looksLikeText(head)) {
    const text = new TextDecoder().decode(bytes.subarray(0, 4096)).toLowerCase();
    return text.includes('<svg') ? 'svg' : 'text';
  }
  return 'unknown';
}

/**
 * "12.4 MB" (binary megabytes, as the limit is counted), rounded up to a tenth so that a file just
 * over the limit never reads as exactly the limit.
 */
export function formatMegabytes(byteCount: number): string {
  return `${Math.ceil((byteCount * 10) / (1024 * 1024)) / 10} MB`;
}

export type PictureRefusal = {
  ok: false;
  reason: 'empty' | 'too_large' | 'not_a_picture' | 'wrong_type' | 'unreadable' | 'too_many_pixels';
  message: string;
};
export type PictureCheck<T> = { ok: true; value: T } | PictureRefusal;

const refuse = (reason: PictureRefusal['reason'], message: string): PictureRefusal => ({ ok: false, reason, message });

/** The checks before any decoding: the size of the file and what its bytes say it is. */
export function checkPictureFile(bytes: Uint8Array): PictureCheck<PictureFormat> {
  if (bytes.length === 0) return refuse('empty', 'The file is empty. Choose a JPEG, PNG or WebP picture.');
  if (bytes.length > PICTURE_LIMITS.maxBytes) {
    return refuse(
      'too_large',
      `The picture is ${formatMegabytes(bytes.length)}; the largest accepted is ${formatMegabytes(PICTURE_LIMITS.maxBytes)}.`,
    );
  }
  const kind = sniffPicture(bytes);
  if (kind === 'jpeg' || kind === 'png' || kind === 'webp') return { ok: true, value: kind };
  if (kind === 'text') return refuse('not_a_picture', `This file is not a picture (it holds text); ${ACCEPTED_WORDS}.`);
  if (kind === 'unknown') return refuse('not_a_picture', `This file is not a picture we recognise; ${ACCEPTED_WORDS}.`);
  return refuse('wrong_type', `This file is ${KIND_NAMES[kind]}; ${ACCEPTED_WORDS}.`);
}

/**
 * The checks on what the image decoder read from the header, before the pixels are decoded: it
 * must agree with the magic bytes, and the picture may hold at most 40 megapixels.
 */
export function checkPictureHeader(
  sniffed: PictureFormat,
  header: { format?: string; width?: number; height?: number },
): PictureCheck<{ width: number; height: number }> {
  const { format, width, height } = header;
  if (format !== sniffed || !width || !height) {
    return refuse(
      'unreadable',
      `This file starts like ${KIND_NAMES[sniffed]} but cannot be read as one; it may be damaged.`,
    );
  }
  const pixels = width * height;
  if (pixels > PICTURE_LIMITS.maxPixels) {
    const megapixels = Math.round(pixels / 100_000) / 10;
    return refuse(
      'too_many_pixels',
      `The picture is ${width} × ${height} pixels (${megapixels} megapixels); the largest accepted is ${PICTURE_LIMITS.maxPixels / 1_000_000} megapixels.`,
    );
  }
  return { ok: true, value: { width, height } };
}

/** A picture key as URLs carry it: the SHA-256 of the uploaded file, 64 lower-case hex digits. */
export function isPictureKey(key: string): boolean {
  return /^[0-9a-f]{64}$/.test(key);
}

/** `thumb.webp` → 'thumb'; anything else (another size, another extension) → null. */
export function pictureVariantOfFile(file: string): PictureVariant | null {
  const match = /^([a-z]+)\.webp$/.exec(file);
  const name = match?.[1];
  return name && Object.hasOwn(PICTURE_VARIANTS, name) ? (name as PictureVariant) : null;
}
