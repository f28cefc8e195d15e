import { z } from 'zod';
import { idField } from './common';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`).optional();

export const addressFields = z.object({
  label: text('a name for this address, like "Head office"', 100),
  recipient: text('who receives deliveries', 200),
  addressLine1: text('the street address', 200),
  addressLine2: optionalText(200),
  city: text('the city', 100),
  region: optionalText(100),
  postalCode: text('the postal code', 20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Choose a country.'),
});
export type AddressFields = z.infer<typeof addressFields>;

export const createAddressSchema = addressFields;
export const updateAddressSchema = addressFields.extend({ addressId: idField });
export const addressIdSchema = z.object({ addressId: idField });
export const setAddressActiveSchema = z.object({ addressId: idField, active: z.boolean() });
