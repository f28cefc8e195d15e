import { PICTURE_VARIANTS, productPicturePath, type PictureVariant } from '@/server/domain/catalog/picture-url';
import styles from './product-picture.module.css';

/**
 * A product's picture at a given size, or a tidy placeholder of the same size when it has none.
 * The picture is decorative next to the product's name (alt=""), unless it stands alone.
 */
export function ProductPicture({
  pictureKey,
  name,
  variant = 'thumb',
  size,
  decorative = true,
}: {
  pictureKey: string | null | undefined;
  name: string;
  variant?: PictureVariant;
  /** Displayed width and height in CSS pixels; defaults to the variant's own size. */
  size?: number;
  decorative?: boolean;
}) {
  const side = size ?? PICTURE_VARIANTS[variant].width;
  if (!pictureKey) {
    return (
      <span
        className={styles.placeholder}
        style={{ width: side, height: side }}
        role={decorative ? undefined : 'img'}
        aria-label={decorative ? undefined : `No picture of ${name}`}
        aria-hidden={decorative ? true : undefined}
      >
        <svg viewBox="0 0 24 24" width="40%" height="40%" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M21 5v14H3V5h18m0-2H3a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Zm-6.9 9.3-2.6 3.4-1.9-2.3L6.9 17h10.2l-3-4.7ZM8 10.5A1.5 1.5 0 1 0 8 7.5a1.5 1.5 0 0 0 0 3Z"
          />
        </svg>
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own route already serves sized, immutable WebP
    <img
      className={styles.picture}
      src={productPicturePath(pictureKey, variant)}
      alt={decorative ? '' : name}
      width={side}
      height={side}
      loading="lazy"
      decoding="async"
    />
  );
}
