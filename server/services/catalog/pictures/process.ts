import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { PICTURE_VARIANTS, type PictureVariant } from '@/server/domain/catalog/picture-url';
import {
  checkPictureFile,
  checkPictureHeader,
  PICTURE_LIMITS,
  type PictureFormat,
  type PictureRefusal,
} from '@/server/domain/catalog/pictures';
import type { StoredPicture } from './store';

export type ProcessedPicture = {
  /** SHA-256 of the uploaded bytes, hex: the same file always gets the same key. */
  key: string;
  format: PictureFormat;
  width: number;
  height: number;
  variants: Record<PictureVariant, StoredPicture>;
};

export type ProcessOutcome = { ok: true; picture: ProcessedPicture } | PictureRefusal;

// A decoder never allocates for more pixels than the limit, whatever a header claims: a
// decompression bomb (a small file declaring a huge image) fails here instead of filling memory.
const decoderOptions = { limitInputPixels: PICTURE_LIMITS.maxPixels, failOn: 'error' as const, sequentialRead: true };
const WEBP = { quality: 82, effort: 2 } as const;

/**
 * Checks an uploaded file by its content (size, magic bytes, what the decoder reads from the
 * header, megapixels) and renders each size in WebP: EXIF rotation applied, fitted inside the
 * square on a white background (transparent when the picture has transparency), metadata
 * stripped. A refusal carries a message to show beside the field; nothing here throws for bad input.
 */
export async function processPicture(input: Uint8Array): Promise<ProcessOutcome> {
  const file = checkPictureFile(input);
  if (!file.ok) return file;
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let header: Metadata;
  try {
    // Reading the header decodes no pixel, so it is done without the limit: the check below says how far over it is.
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return unreadable(file.value);
  }
  const size = checkPictureHeader(file.value, header);
  if (!size.ok) return size;
  try {
    const variants = await renderVariants(bytes, header.hasAlpha === true);
    return {
      ok: true,
      picture: {
        key: createHash('sha256').update(bytes).digest('hex'),
        format: file.value,
        ...size.value,
        variants,
      },
    };
  } catch {
    return unreadable(file.value);
  }
}

const unreadable = (format: PictureFormat): PictureRefusal => ({
  ok: false,
  reason: 'unreadable',
  message: `This ${format === 'jpeg' ? 'JPEG' : format === 'png' ? 'PNG' : 'WebP'} file cannot be read; it may be damaged or incomplete.`,
});

async function renderVariants(bytes: Buffer, hasAlpha: boolean): Promise<Record<PictureVariant, StoredPicture>> {
  const background = hasAlpha ? { r: 255, g: 255, b: 255, alpha: 0 } : { r: 255, g: 255, b: 255, alpha: 1 };
  // Decode once, at most at the largest size, and render every size from that: a 40-megapixel
  // upload is decoded a single time and never held in memory at full size more than once.
  const largest = Math.max(...Object.values(PICTURE_VARIANTS).map((variant) => variant.width));
  const { data, info } = await sharp(bytes, decoderOptions)
    .rotate()
    .resize(largest, largest, { fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const entries = await Promise.all(
    (Object.keys(PICTURE_VARIANTS) as PictureVariant[]).map(async (variant) => {
      const { width, height } = PICTURE_VARIANTS[variant];
      const rendered = await sharp(data, raw)
        .resize(width, height, { fit: 'contain', background })
        .webp(WEBP)
        .toBuffer({ resolveWithObject: true });
      const picture: StoredPicture = {
        bytes: rendered.data,
        contentType: 'image/webp',
        width: rendered.info.width,
        height: rendered.info.height,
      };
      return [variant, picture] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<PictureVariant, StoredPicture>;
}
