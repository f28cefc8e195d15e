import { z } from 'zod';
import { UNIT_NAME_MAX_LENGTH } from '@/server/domain/organizations/unit-tree';
import { idField } from './common';

const unitName = z
  .string()
  .trim()
  .min(1, 'Enter a name for the unit.')
  .max(UNIT_NAME_MAX_LENGTH, `Use at most ${UNIT_NAME_MAX_LENGTH} characters.`);

export const unitIdSchema = z.object({ unitId: idField });
export type UnitIdInput = z.infer<typeof unitIdSchema>;

/** A new unit directly below `parentId` (the organization itself or one of its units). */
export const createUnitSchema = z.object({ parentId: idField, name: unitName });
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const renameUnitSchema = z.object({ unitId: idField, name: unitName });
export type RenameUnitInput = z.infer<typeof renameUnitSchema>;

/** The unit moves with every unit below it. */
export const moveUnitSchema = z.object({ unitId: idField, parentId: z.uuid('Choose where to move the unit.') });
export type MoveUnitInput = z.infer<typeof moveUnitSchema>;
