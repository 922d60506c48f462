import type { DurationValue } from '@resale-kit/core';
import { DurationPicker } from '@resale-kit/react';
import { useResale } from '@resale-kit/sdk/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorText } from './errorText';

/**
 * A one-product, one-reseller create form. Interim: `OpportunityForm` + `useOpportunityForm()`
 * replace it (several products and resellers, clone, errors under their fields).
 */
export function CreateOpportunityForm({
  now,
  onDone,
}: {
  now: Date;
  onDone: (message: string | null) => void;
}) {
  const resale = useResale();
  const queryClient = useQueryClient();
  const id = useId();
  const products = useQuery(resale.products.list.queryOptions());
  const resellers = useQuery(resale.resellers.list.queryOptions());
  const [duration, setDuration] = useState<DurationValue>({
    durationType: 'single-use',
    endDate: null,
  });
  const create = useMutation(
    resale.opportunities.create.mutationOptions({
      onSuccess: (created) => {
        void queryClient.invalidateQueries(resale.opportunities.pathFilter());
        onDone(`${created.length} opportunity created: ${created[0]?.name ?? ''}`);
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get('name') ?? ''),
      productIds: [String(form.get('productId') ?? '')],
      resellerIds: [String(form.get('resellerId') ?? '')],
      discount: { type: 'percentage', percent: Number(form.get('percent')) },
      ...duration,
    });
  };

  return (
    <form className="portal-panel portal-form" aria-label="Create opportunity" onSubmit={submit}>
      <h2>Create opportunity</h2>
      <label>
        Opportunity name
        <input name="name" required maxLength={200} />
      </label>
      <label htmlFor={`${id}-product`}>Product</label>
      <select id={`${id}-product`} name="productId" required>
        {products.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reseller`}>Reseller</label>
      <select id={`${id}-reseller`} name="resellerId" required>
        {resellers.data?.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <label>
        Discount (%)
        <input name="percent" type="number" min="0.01" max="100" step="0.01" required />
      </label>
      <DurationPicker value={duration} onChange={setDuration} now={now} />
      {create.isError && <p role="alert">{errorText(create.error)}</p>}
      <div className="portal-actions">
        <button type="button" className="rk-button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button
          type="submit"
          className="rk-button rk-button--primary"
          disabled={create.isPending || !products.data || !resellers.data}
        >
          Create
        </button>
      </div>
    </form>
  );
}
