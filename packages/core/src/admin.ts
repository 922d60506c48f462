import { z } from 'zod';
import { requiredWhenMissing } from './issues.js';
import { IdSchema, IsoInstantSchema, NameSchema, RoleSchema } from './schemas.js';
import { charLength } from './vocabulary.js';

/**
 * The admin API's contracts: inputs, wire shapes and limits for an organization's products,
 * partners, users and API keys. The server and the SDK import them; nothing restates them.
 */

/** A product's id in the ISV's own system (e.g. an AWS Marketplace product id). */
export const MAX_EXTERNAL_ID_LENGTH = 255;
/** Labels of API keys; user e-mails. */
export const MAX_LABEL_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;
/** The longest a rotated key may keep working beside its replacement. */
export const MAX_KEY_GRACE_SECONDS = 7 * 24 * 60 * 60;
/** How long a partner invitation code can be redeemed, by default and at most. */
export const DEFAULT_INVITATION_DAYS = 7;
export const MAX_INVITATION_DAYS = 30;
/** A key's last-used time is written at most this often (off the request's critical path). */
export const KEY_LAST_USED_RESOLUTION_MS = 60_000;
/** Most entries one audit.list page returns. */
export const MAX_AUDIT_PAGE = 200;

const rule = (code: string, params: Record<string, string | number> = {}) => ({
  params: { code, ...params },
});

const ExternalIdSchema = z
  .string({ error: requiredWhenMissing })
  .trim()
  .min(1)
  .refine(
    (s) => charLength(s) <= MAX_EXTERNAL_ID_LENGTH,
    rule('too_long', { maximum: MAX_EXTERNAL_ID_LENGTH }),
  );

const LabelSchema = z
  .string({ error: requiredWhenMissing })
  .trim()
  .min(1)
  .refine(
    (s) => charLength(s) <= MAX_LABEL_LENGTH,
    rule('too_long', { maximum: MAX_LABEL_LENGTH }),
  );

const EmailSchema = z
  .email({ error: requiredWhenMissing })
  .max(MAX_EMAIL_LENGTH)
  .nullish()
  .transform((v) => v ?? null);

// Inputs --------------------------------------------------------------------------------------

export const CreateProductInputSchema = z.object({
  name: NameSchema,
  externalId: ExternalIdSchema.nullish().transform((v) => v ?? null),
});
export const RenameProductInputSchema = z.object({ id: IdSchema, name: NameSchema });
export const ProductIdInputSchema = z.object({ id: IdSchema });
export const UpsertProductInputSchema = z.object({
  externalId: ExternalIdSchema,
  name: NameSchema,
});
export const ListAdminProductsInputSchema = z
  .object({ includeArchived: z.boolean().default(false) })
  .default({ includeArchived: false });

export const ResellerIdInputSchema = z.object({ resellerId: IdSchema });
export const CreateInvitationInputSchema = z
  .object({
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(MAX_INVITATION_DAYS)
      .default(DEFAULT_INVITATION_DAYS),
  })
  .default({ expiresInDays: DEFAULT_INVITATION_DAYS });
export const RedeemInvitationInputSchema = z.object({
  code: z.string({ error: requiredWhenMissing }).trim().min(1).max(200),
});

export const CreateUserInputSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  role: RoleSchema,
});
export const ChangeRoleInputSchema = z.object({ userId: IdSchema, role: RoleSchema });
export const UserIdInputSchema = z.object({ userId: IdSchema });

export const CreateApiKeyInputSchema = z.object({
  label: LabelSchema,
  /** Whose key: the caller when absent; an admin may name another user of its organization. */
  userId: IdSchema.nullish().transform((v) => v ?? null),
  expiresAt: IsoInstantSchema.nullish().transform((v) => v ?? null),
});
export const ApiKeyIdInputSchema = z.object({ id: IdSchema });
export const RotateApiKeyInputSchema = z.object({
  id: IdSchema,
  /** The old key keeps working this many seconds beside the new one (default 0: at once). */
  graceSeconds: z.number().int().min(0).max(MAX_KEY_GRACE_SECONDS).default(0),
  label: LabelSchema.nullish().transform((v) => v ?? null),
  expiresAt: IsoInstantSchema.nullish().transform((v) => v ?? null),
});
export const ListAuditInputSchema = z
  .object({ limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(50) })
  .default({ limit: 50 });

export type CreateProductInput = z.output<typeof CreateProductInputSchema>;
export type UpsertProductInput = z.output<typeof UpsertProductInputSchema>;
export type CreateUserInput = z.output<typeof CreateUserInputSchema>;
export type CreateApiKeyInput = z.output<typeof CreateApiKeyInputSchema>;
export type RotateApiKeyInput = z.output<typeof RotateApiKeyInputSchema>;

// Wire shapes ---------------------------------------------------------------------------------

export const AdminProductSchema = z.object({
  id: IdSchema,
  isvId: IdSchema,
  name: z.string(),
  externalId: z.string().nullable(),
  archivedAt: IsoInstantSchema.nullable(),
  createdAt: IsoInstantSchema,
});
export type AdminProduct = z.infer<typeof AdminProductSchema>;

export const PartnerSchema = z.object({
  resellerId: IdSchema,
  name: z.string(),
  linkedAt: IsoInstantSchema,
  unlinkedAt: IsoInstantSchema.nullable(),
});
export type Partner = z.infer<typeof PartnerSchema>;

/** An invitation: the code is shown once, when it is created. */
export const InvitationSchema = z.object({
  id: IdSchema,
  code: z.string(),
  expiresAt: IsoInstantSchema,
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const OrgUserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string().nullable(),
  role: RoleSchema,
  createdAt: IsoInstantSchema,
});
export type OrgUser = z.infer<typeof OrgUserSchema>;

/** An API key as listed: never its secret, only the visible prefix. */
export const ApiKeyInfoSchema = z.object({
  id: IdSchema,
  /** The key's first characters, to tell keys apart; null for keys made before prefixes. */
  prefix: z.string().nullable(),
  label: z.string().nullable(),
  user: z.object({ id: IdSchema, name: z.string() }),
  createdAt: IsoInstantSchema,
  expiresAt: IsoInstantSchema.nullable(),
  lastUsedAt: IsoInstantSchema.nullable(),
  /** When it stopped (or stops, during a rotation's grace period) working. */
  revokedAt: IsoInstantSchema.nullable(),
});
export type ApiKeyInfo = z.infer<typeof ApiKeyInfoSchema>;

/** A new key: `secret` is shown this once and never stored in clear. */
export interface CreatedApiKey {
  key: ApiKeyInfo;
  secret: string;
}

export const AuditEntrySchema = z.object({
  id: IdSchema,
  action: z.string(),
  /** Null when the operator did it from the CLI. */
  actor: z.object({ userId: IdSchema, name: z.string() }).nullable(),
  targetId: z.string().nullable(),
  at: IsoInstantSchema,
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
