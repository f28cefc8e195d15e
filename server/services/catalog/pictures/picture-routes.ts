import type { Database } from '@/db/client';
import { isSameOriginRequest } from '@/server/auth/same-origin';
import { PICTURE_VARIANTS } from '@/server/domain/catalog/picture-url';
import { formatMegabytes, isPictureKey, PICTURE_LIMITS, pictureVariantOfFile } from '@/server/domain/catalog/pictures';
import { DomainError, type DomainErrorCode } from '@/server/domain/errors';
import { actorOf, type Viewer } from '@/server/services/identity/viewer';
import { removeProductPicture, setProductPicture } from './product-pictures';
import { pictureStore, type PictureStore } from './store';

/** What the route handlers need from the request's world; tests pass their own. */
export type PictureRouteDeps = {
  db: () => Database;
  /** The signed-in viewer of the request (from its session cookie), or null. */
  viewer: (request: Request) => Promise<Viewer | null>;
  appUrl: () => string;
  store?: PictureStore;
  now?: () => Date;
};

type SkuContext = { params: Promise<{ sku: string }> };

const STATUS: Record<DomainErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  precondition_failed: 412,
  rate_limited: 429,
};

// A multipart body carries the file plus its boundaries and part headers: a few hundred bytes.
const MULTIPART_ALLOWANCE = 16 * 1024;
const TOO_LARGE = `The picture is larger than ${formatMegabytes(PICTURE_LIMITS.maxBytes)}, the largest accepted.`;

const refuse = (status: number, message: string, fieldErrors?: Record<string, string[]>) =>
  Response.json({ message, fieldErrors: fieldErrors ?? null }, { status, headers: { 'Cache-Control': 'no-store' } });

/** The request's body, or null as soon as it grows past `limit` bytes (a lying or absent Content-Length included). */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Same origin, signed in, acting in a membership: the Actor, or the refusal to answer. */
async function actorOfRequest(request: Request, deps: PictureRouteDeps) {
  if (!isSameOriginRequest(request, deps.appUrl())) {
    return { refusal: refuse(403, 'This request did not come from a Countersign page.') };
  }
  const viewer = await deps.viewer(request);
  if (!viewer) return { refusal: refuse(401, 'Your session has ended. Please sign in again.') };
  if (!viewer.membership) {
    return { refusal: refuse(403, viewer.membershipProblem ?? 'Choose an account to work in first.') };
  }
  return { actor: actorOf(viewer, viewer.membership) };
}

function domainRefusal(error: unknown): Response {
  if (error instanceof DomainError) return refuse(STATUS[error.code], error.message, error.fieldErrors);
  throw error;
}

/**
 * POST (multipart/form-data, field `picture`) sets a product's picture; DELETE removes it. Staff
 * with the catalog permission only, from our own pages only; every bad input answers 4xx JSON
 * `{ message, fieldErrors }`, and a body over 10 MB is refused before it is read in full.
 */
export function productPictureRoutes(deps: PictureRouteDeps) {
  const now = deps.now ?? (() => new Date());
  const store = deps.store ?? pictureStore;

  async function POST(request: Request, context: SkuContext): Promise<Response> {
    const { sku } = await context.params;
    const caller = await actorOfRequest(request, deps);
    if (!caller.actor) return caller.refusal;
    const declared = Number(request.headers.get('content-length') ?? 'NaN');
    if (declared > PICTURE_LIMITS.maxBytes + MULTIPART_ALLOWANCE) {
      return refuse(413, TOO_LARGE, { picture: [TOO_LARGE] });
    }
    const contentType = request.headers.get('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
      return refuse(415, 'Send the picture as a form upload (multipart/form-data) in the field "picture".');
    }
    const body = await readBody(request, PICTURE_LIMITS.maxBytes + MULTIPART_ALLOWANCE);
    if (!body) return refuse(413, TOO_LARGE, { picture: [TOO_LARGE] });
    let file: FormDataEntryValue | null;
    try {
      file = (await new Response(body, { headers: { 'content-type': contentType } }).formData()).get('picture');
    } catch {
      return refuse(400, 'The upload could not be read. Choose the picture again.');
    }
    if (!(file instanceof Blob)) {
      const message = 'Choose a picture to upload.';
      return refuse(400, message, { picture: [message] });
    }
    if (file.size > PICTURE_LIMITS.maxBytes) {
      const message = `The picture is ${formatMegabytes(file.size)}; the largest accepted is ${formatMegabytes(PICTURE_LIMITS.maxBytes)}.`;
      return refuse(413, message, { picture: [message] });
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await setProductPicture(deps.db(), caller.actor, sku, bytes, now(), store);
      return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      return domainRefusal(error);
    }
  }

  async function DELETE(request: Request, context: SkuContext): Promise<Response> {
    const { sku } = await context.params;
    const caller = await actorOfRequest(request, deps);
    if (!caller.actor) return caller.refusal;
    try {
      const result = await removeProductPicture(deps.db(), caller.actor, sku, now());
      return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      return domainRefusal(error);
    }
  }

  return { POST, DELETE };
}

type PictureContext = { params: Promise<{ key: string; file: string }> };

/**
 * GET /pictures/<key>/<variant>.webp. Public on purpose (emails load pictures without cookies;
 * keys are content hashes nobody guesses), and cached for ever: a key's bytes never change.
 */
export function pictureServingRoute(store: PictureStore = pictureStore) {
  return async function GET(request: Request, context: PictureContext): Promise<Response> {
    const { key, file } = await context.params;
    const variant = pictureVariantOfFile(file);
    if (!isPictureKey(key) || !variant || !Object.hasOwn(PICTURE_VARIANTS, variant)) return notFoundResponse();
    const etag = `"${key}-${variant}"`;
    const headers = {
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
    };
    const matches = request.headers
      .get('if-none-match')
      ?.split(',')
      .some((tag) => tag.trim().replace(/^W\//, '') === etag);
    const picture = await store.load(key, variant);
    if (!picture) return notFoundResponse();
    if (matches) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(picture.bytes), {
      headers: { ...headers, 'Content-Type': picture.contentType, 'Content-Length': String(picture.bytes.length) },
    });
  };
}

const notFoundResponse = () =>
  new Response('Not found', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
