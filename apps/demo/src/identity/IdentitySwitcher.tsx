import { FIRST_PAGE_VIEW } from '@resale-kit/core';
import { useId } from 'react';
import { useTableView } from '../opportunities/useTableView';
import { switchIdentity, useIdentity } from './identityStore';

/** "Signed in as": a select among the seed's demo users (ISV and reseller users). */
export function IdentitySwitcher() {
  const identity = useIdentity();
  const id = useId();
  const [view, setView] = useTableView();
  if (identity.phase !== 'ready') return null;
  const of = (kind: string) => identity.identities.filter((i) => i.kind === kind);
  const groups = [
    ['ISV users', of('isv')],
    ['Reseller users', of('reseller')],
  ] as const;
  return (
    <div className="demo-identity">
      <label htmlFor={id}>Signed in as</label>
      <select
        id={id}
        value={identity.current.label}
        onChange={(e) => {
          // Filters name one tenant's products and resellers: start the new identity unfiltered.
          setView({ ...FIRST_PAGE_VIEW, sort: view.sort });
          switchIdentity(e.target.value);
        }}
      >
        {groups.map(([label, members]) => (
          <optgroup key={label} label={label}>
            {members.map((i) => (
              <option key={i.label} value={i.label}>
                {i.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
