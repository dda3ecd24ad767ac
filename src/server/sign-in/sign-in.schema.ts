import { z } from '@hono/zod-openapi';
import { passwordWeakness } from '../platform/auth/password-strength';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../platform/auth/secrets';

export const Password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`)
  .superRefine((password, ctx) => {
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return;
    const weakness = passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });

export const LoginRequest = z
  .strictObject({
    email: z.string().trim().min(3, 'Enter your email.').max(254),
    password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
  })
  .openapi('LoginRequest');

export const NextStep = z.enum(['mfa', 'enrol-mfa', 'done']);

export const LoginResponse = z.object({ next: NextStep, csrfToken: z.string() }).openapi('LoginResponse');

export const CodeRequest = z
  .strictObject({ code: z.string().trim().min(6, 'Enter the 6-digit code or a recovery code.').max(32) })
  .openapi('MfaCodeRequest');

export const EnrolmentResponse = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() })
  .openapi('MfaEnrolment');

export const RecoveryCodesResponse = z
  .object({ recoveryCodes: z.array(z.string()) })
  .openapi('RecoveryCodes');

export const MeResponse = z
  .object({
    kind: z.enum(['staff', 'patient']),
    csrfToken: z.string(),
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: z.string() }),
    sites: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        /** IANA zone of the site: its calendar decides clinical days (admission, discharge, age). */
        timeZone: z.string(),
      }),
    ),
    patientId: z.string().nullable(),
    session: z.object({ idleTimeoutSeconds: z.number(), idleExpiresAt: z.string(), expiresAt: z.string() }),
    next: NextStep,
    /** The role's permissions from the one permission table (platform/access/permissions.ts); scope aside. */
    permissions: z.array(z.string()),
  })
  .openapi('Me');

export const ChangePasswordRequest = z
  .strictObject({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword: Password })
  .openapi('ChangePasswordRequest');
