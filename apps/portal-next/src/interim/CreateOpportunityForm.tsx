import type { DurationValue } from '@resale-kit/core';
import { DurationPicker } from '@resale-kit/react';
import { useOpportunityForm } from '@resale-kit/sdk/react';
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
  const id = useId();
  const create = useOpportunityForm({
    onSaved: (created) =>
      onDone(`${created.length} opportunity created: ${created[0]?.name ?? ''}`),
  });
  const [duration, setDuration] = useState<DurationValue>({
    durationType: 'single-use',
    endDate: null,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.onSubmit({
      kind: 'create',
      input: {
        name: String(form.get('name') ?? ''),
        productIds: [String(form.get('productId') ?? '')],
        resellerIds: [String(form.get('resellerId') ?? '')],
        discount: { type: 'percentage', percent: Number(form.get('percent')) },
        ...duration,
      },
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
        {create.products.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reseller`}>Reseller</label>
      <select id={`${id}-reseller`} name="resellerId" required>
        {create.resellers.map((r) => (
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
      {(create.error || create.issues.length > 0) && <p role="alert">{errorText(create)}</p>}
      <div className="portal-actions">
        <button type="button" className="rk-button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button
          type="submit"
          className="rk-button rk-button--primary"
          disabled={create.submitting || create.itemsLoading}
        >
          Create
        </button>
      </div>
    </form>
  );
}
