import { z } from 'zod';
import { idField } from './common';

export const switchAccountSchema = z.object({ membershipId: idField });
export const unitInput = z.object({ unitId: idField });
export const runJobSchema = z.object({ name: z.string().min(1).max(64) });
