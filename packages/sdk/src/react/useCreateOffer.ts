import type { FieldIssue, Opportunity } from '@resale-kit/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ResaleOutputs } from '../types.js';
import { cacheEffects } from './cache.js';
import { hookError } from './errors.js';
import { newIdempotencyKey } from './idempotencyKey.js';
import { useResale } from './provider.js';

/** The offer, the opportunity as it is after it, and whether the key had been seen before. */
export type CreateOfferResult = ResaleOutputs['offers']['create'];

/**
 * What the reseller fills in. The component may pass the whole API input: its opportunity id
 * and idempotency key are ignored, the hook's own are sent.
 */
export interface CreateOfferValue {
  buyerAccountId: string;
}

export interface UseCreateOfferOptions {
  /** Called once the offer exists (also for a replayed key: the first result). */
  onCreated?: (result: CreateOfferResult) => void;
}

/** The props of `@resale-kit/react`'s `CreateOfferForm` this hook provides. */
export interface CreateOfferBindings {
  opportunity: Opportunity;
  /** The key the current attempt is (or will be) sent with. */
  idempotencyKey: string;
  result: CreateOfferResult | undefined;
  submitting: boolean;
  /** The server's issues per field ('buyerAccountId'). */
  issues: FieldIssue[];
  /** A failure that names no field. */
  error: string | undefined;
  onSubmit: (value: CreateOfferValue) => void;
}

/**
 * Creates an offer from `opportunity`, connected. One idempotency key per attempt: sending the
 * same buyer again after a failure (a retry, e.g. when the answer was lost) reuses the key, so
 * the server counts the offer once; another buyer, or another offer after a success, is a new
 * attempt with a new key. The answer updates the rows on screen; the list is refetched only if
 * the opportunity's status changed (it left a status filter), and its details only if cached.
 */
export function useCreateOffer(
  opportunity: Opportunity,
  options: UseCreateOfferOptions = {},
): CreateOfferBindings {
  const resale = useResale();
  const cache = cacheEffects(resale, useQueryClient());
  // `buyer` is null until the attempt is sent: the key shown before then is the one used.
  const [attempt, setAttempt] = useState<{ key: string; buyer: string | null }>(() => ({
    key: newIdempotencyKey(),
    buyer: null,
  }));
  const succeeded = useRef(false);
  const create = useMutation(
    resale.offers.create.mutationOptions({
      onSuccess: (result) => {
        succeeded.current = true;
        const before = opportunity.status;
        cache.patch([result.opportunity]);
        options.onCreated?.(result);
        return Promise.all([
          cache.invalidateDetails([result.opportunity.id]),
          result.opportunity.status !== before ? cache.invalidateListAndSummary() : undefined,
        ]);
      },
    }),
  );
  const failure = hookError(create.error);

  return {
    opportunity,
    idempotencyKey: attempt.key,
    result: create.data,
    submitting: create.isPending,
    issues: failure.issues,
    error: failure.message,
    onSubmit: ({ buyerAccountId }) => {
      if (create.isPending) return;
      const sameAttempt =
        attempt.buyer === null || (!succeeded.current && attempt.buyer === buyerAccountId);
      const key = sameAttempt ? attempt.key : newIdempotencyKey();
      succeeded.current = false;
      setAttempt({ key, buyer: buyerAccountId });
      create.mutate({ opportunityId: opportunity.id, buyerAccountId, idempotencyKey: key });
    },
  };
}
