import {
  ApiKeyIdInputSchema,
  ChangeRoleInputSchema,
  CreateApiKeyInputSchema,
  CreateInvitationInputSchema,
  CreateProductInputSchema,
  CreateUserInputSchema,
  ListAdminProductsInputSchema,
  ListAuditInputSchema,
  ProductIdInputSchema,
  RedeemInvitationInputSchema,
  RenameProductInputSchema,
  ResellerIdInputSchema,
  RotateApiKeyInputSchema,
  UpsertProductInputSchema,
  UserIdInputSchema,
} from '@resale-kit/core';
import { isvProcedure, procedureFor, resellerProcedure, router } from '../trpc.js';

/**
 * An organization's own administration, always scoped to the caller's organization: there is
 * no input naming an organization, so an admin of ISV A cannot even address ISV B (its
 * records are NOT_FOUND). Organizations themselves are created by the operator (the CLI).
 */

/** An ISV's catalog. externalId is the ISV's own id for a product: `upsert` syncs by it. */
const productsRouter = router({
  list: isvProcedure('catalog.read')
    .input(ListAdminProductsInputSchema)
    .query(({ ctx, input }) => ctx.store.admin.listProducts(ctx.principal, input.includeArchived)),
  create: isvProcedure('products.manage')
    .input(CreateProductInputSchema)
    .mutation(({ ctx, input }) => ctx.store.admin.createProduct(ctx.principal, input, ctx.now())),
  rename: isvProcedure('products.manage')
    .input(RenameProductInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.renameProduct(ctx.principal, input.id, input.name, ctx.now()),
    ),
  /** An archived product takes no new opportunities; the existing ones are untouched. */
  archive: isvProcedure('products.manage')
    .input(ProductIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.archiveProduct(ctx.principal, input.id, ctx.now()),
    ),
  upsert: isvProcedure('products.manage')
    .input(UpsertProductInputSchema)
    .mutation(({ ctx, input }) => ctx.store.admin.upsertProduct(ctx.principal, input, ctx.now())),
});

/** The resellers an ISV works with. */
const partnersRouter = router({
  list: isvProcedure('catalog.read').query(({ ctx }) =>
    ctx.store.admin.listPartners(ctx.principal),
  ),
  link: isvProcedure('partners.manage')
    .input(ResellerIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.linkPartner(ctx.principal, input.resellerId, ctx.now()),
    ),
  /** New opportunities cannot target it; existing ones stay as they are. */
  unlink: isvProcedure('partners.manage')
    .input(ResellerIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.unlinkPartner(ctx.principal, input.resellerId, ctx.now()),
    ),
  /** A one-time code (shown once) for a reseller admin to redeem. */
  createInvitation: isvProcedure('partners.manage')
    .input(CreateInvitationInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.createInvitation(ctx.principal, input.expiresInDays, ctx.now()),
    ),
  /** A reseller admin redeems an ISV's invitation code: the two become partners. */
  redeem: resellerProcedure('partners.redeem')
    .input(RedeemInvitationInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.redeemInvitation(ctx.principal, input.code, ctx.now()),
    ),
});

/** The organization's users. Its last admin can be neither demoted nor removed. */
const usersRouter = router({
  list: procedureFor('organization.manage').query(({ ctx }) =>
    ctx.store.admin.listUsers(ctx.principal),
  ),
  create: procedureFor('organization.manage')
    .input(CreateUserInputSchema)
    .mutation(({ ctx, input }) => ctx.store.admin.createUser(ctx.principal, input, ctx.now())),
  changeRole: procedureFor('organization.manage')
    .input(ChangeRoleInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.changeRole(ctx.principal, input.userId, input.role, ctx.now()),
    ),
  /** The user's keys stop working at once, in every server process. */
  remove: procedureFor('organization.manage')
    .input(UserIdInputSchema)
    .mutation(({ ctx, input }) =>
      ctx.store.admin.removeUser(ctx.principal, input.userId, ctx.now()),
    ),
});

/** API keys of the organization's users. The secret is returned once, by create and rotate. */
const apiKeysRouter = router({
  list: procedureFor('organization.manage').query(({ ctx }) =>
    ctx.store.admin.listKeys(ctx.principal),
  ),
  create: procedureFor('organization.manage')
    .input(CreateApiKeyInputSchema)
    .mutation(({ ctx, input }) => ctx.store.admin.createKey(ctx.principal, input, ctx.now())),
  /** Refused on the next request, by every server process on the database. */
  revoke: procedureFor('organization.manage')
    .input(ApiKeyIdInputSchema)
    .mutation(({ ctx, input }) => ctx.store.admin.revokeKey(ctx.principal, input.id, ctx.now())),
  /** A new key for the same user; the old one works `graceSeconds` more (default 0). */
  rotate: procedureFor('organization.manage')
    .input(RotateApiKeyInputSchema)
    .mutation(({ ctx, input }) => ctx.store.admin.rotateKey(ctx.principal, input, ctx.now())),
});

export const adminRouter = router({
  products: productsRouter,
  partners: partnersRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  /** What the organization's admins (and the operator) did, newest first. */
  audit: procedureFor('organization.manage')
    .input(ListAuditInputSchema)
    .query(({ ctx, input }) => ctx.store.admin.listAudit(ctx.principal, input.limit)),
});
