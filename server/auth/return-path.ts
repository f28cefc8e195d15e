/**
 * Where a signed-out visitor was going, so that sign-in can send them back there (an authorizer
 * following an email link lands on the order, not on the start page). The proxy copies the
 * request's path into this header; layouts that send signed-out visitors to sign-in read it.
 */
export const RETURN_PATH_HEADER = 'x-countersign-path';

/** The sign-in page, coming back to `path` afterwards when it is a page of this site. */
export function signInPathFor(path: string | null | undefined): string {
  if (
    !path ||
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.startsWith('/\\') ||
    path === '/' ||
    path.startsWith('/sign-in')
  )
    return '/sign-in';
  return `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
}
