import { z } from 'zod';
import { PASSKEY_NAME_MAX_LENGTH } from '@/server/domain/auth/passkeys';
import { idField } from './common';

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, 'Not a base64url value.');

export const passkeyNameField = z
  .string()
  .trim()
  .min(1, 'Give this passkey a name, like "My phone".')
  .max(PASSKEY_NAME_MAX_LENGTH, `A name has at most ${PASSKEY_NAME_MAX_LENGTH} characters.`);

/** The browser's answer to navigator.credentials.create(), as @simplewebauthn/browser sends it. */
const registrationResponse = z.looseObject({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: base64url(4000),
    attestationObject: base64url(20_000),
    transports: z.array(z.string().max(20)).max(10).optional(),
  }),
  clientExtensionResults: z.looseObject({}).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** The browser's answer to navigator.credentials.get(). */
export const authenticationResponseSchema = z.looseObject({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: base64url(4000),
    authenticatorData: base64url(4000),
    signature: base64url(2000),
    userHandle: base64url(200).optional(),
  }),
  clientExtensionResults: z.looseObject({}).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

export const registerPasskeySchema = z.object({
  challengeId: idField,
  name: passkeyNameField,
  response: registrationResponse,
});
export type RegisterPasskeyInput = z.infer<typeof registerPasskeySchema>;

/** The form's part of registration: the name the member chooses. */
export const passkeyNameSchema = z.object({ name: passkeyNameField });
export type PasskeyNameInput = z.infer<typeof passkeyNameSchema>;

export const renamePasskeySchema = z.object({ passkeyId: idField, name: passkeyNameField });
export const removePasskeySchema = z.object({ passkeyId: idField });
export const signOutDeviceSchema = z.object({ sessionId: idField });
