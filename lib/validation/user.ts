// Accounts as admins manage them, and the one-time set-password form.
import { z } from 'zod';
import { NewPasswordSchema } from '../auth/password-policy.ts';
import { UserRole } from '../generated/prisma/enums.ts';
import { enumValues } from './enums.ts';
import { ALWAYS, idField, optionalId, requiredText, text, versionField } from './fields.ts';

const userFields = {
  name: requiredText(200),
  email: requiredText(320).pipe(z.email({ error: 'invalidEmail' })),
  role: z.enum(enumValues(UserRole), { error: 'invalidChoice' }),
  /** The side the user reports for; empty for independent analysts. Admins have none. */
  partyId: optionalId,
};

function checkSide(input: { role: unknown; partyId: unknown }, context: z.RefinementCtx) {
  if (input.role === 'ADMIN' && input.partyId) context.addIssue({ code: 'custom', path: ['partyId'], message: 'adminNoSide' });
}

export const UserCreateSchema = z.object(userFields).superRefine(checkSide, ALWAYS);
export type UserCreateInput = z.output<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({ ...userFields, id: idField, version: versionField }).superRefine(checkSide, ALWAYS);
export type UserUpdateInput = z.output<typeof UserUpdateSchema>;

/** Deactivate, reactivate, reset password, reset two-factor: which user, as of which version. */
export const UserStateSchema = z.object({ id: idField, version: versionField });
export type UserStateInput = z.output<typeof UserStateSchema>;

export const SetPasswordSchema = z
  .object({
    token: text({ error: 'invalidLink' }).trim().min(1, 'invalidLink').max(200, 'invalidLink'),
    password: text({ error: 'required' }).pipe(NewPasswordSchema),
    passwordConfirmation: text({ error: 'required' }),
  })
  .refine((input) => input.password === input.passwordConfirmation, { message: 'mismatch', path: ['passwordConfirmation'], ...ALWAYS });
export type SetPasswordInput = z.output<typeof SetPasswordSchema>;

export const AssignmentSchema = z.object({ agreementId: idField, userId: idField });
export type AssignmentInput = z.output<typeof AssignmentSchema>;
