/** The sizes a product picture is rendered in: a list's thumbnail and the product page's picture. */
export const PICTURE_VARIANTS = {
  thumb: { width: 320, height: 320 },
  detail: { width: 960, height: 960 },
} as const;

export type PictureVariant = keyof typeof PICTURE_VARIANTS;

/**
 * Where a picture is served: the key is the content hash of the uploaded file, so the URL of a
 * given picture never changes and may be cached for ever (a new upload gets a new key).
 */
export function productPicturePath(pictureKey: string, variant: PictureVariant): string {
  return `/pictures/${pictureKey}/${variant}.webp`;
}
