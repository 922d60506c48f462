import { type FieldIssue, ROLES, type Role } from '@resale-kit/core';
import { Dialog } from '@resale-kit/react';
import { isResaleError } from '@resale-kit/sdk';
import { useResale } from '@resale-kit/sdk/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';

/** A failed call in a sentence: the fields it names, or its message. */
const failure = (error: unknown) =>
  isResaleError(error) && error.issues.length > 0
    ? `Check ${error.issues.map((i: FieldIssue) => i.field).join(', ')}.`
    : error instanceof Error
      ? error.message
      : null;

function Section(props: { title: string; error: unknown; form?: ReactNode; children: ReactNode }) {
  return (
    <section className="demo-panel" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.form}
      {failure(props.error) && (
        <p className="demo-inline-error" role="alert">
          {failure(props.error)}
        </p>
      )}
      <table className="demo-admin-table">
        <tbody>{props.children}</tbody>
      </table>
    </section>
  );
}

const fields = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  const data = new FormData(event.currentTarget);
  event.currentTarget.reset();
  return (name: string) => String(data.get(name) ?? '');
};

/** The ISV admin's Settings: products, partners, users and API keys of its organization. */
export function SettingsPage() {
  const resale = useResale();
  const queryClient = useQueryClient();
  const client = resale.admin;
  // After every change: the admin lists, and the catalog the Partners page's forms offer.
  const refresh = {
    onSuccess: () =>
      Promise.all(
        [resale.admin, resale.products, resale.resellers].map((p) =>
          queryClient.invalidateQueries(p.pathFilter()),
        ),
      ),
  };
  const products = useQuery(client.products.list.queryOptions({ includeArchived: true }));
  const partners = useQuery(client.partners.list.queryOptions());
  const users = useQuery(client.users.list.queryOptions());
  const keys = useQuery(client.apiKeys.list.queryOptions());
  const createProduct = useMutation(client.products.create.mutationOptions(refresh));
  const archive = useMutation(client.products.archive.mutationOptions(refresh));
  const unlink = useMutation(client.partners.unlink.mutationOptions(refresh));
  const createUser = useMutation(client.users.create.mutationOptions(refresh));
  const createKey = useMutation(client.apiKeys.create.mutationOptions(refresh));
  const revoke = useMutation(client.apiKeys.revoke.mutationOptions(refresh));
  const [secret, setSecret] = useState<string | null>(null);
  const button = (label: string, onClick: () => void, disabled = false) => (
    <button type="button" className="rk-button" disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <>
      <div className="demo-page-header">
        <h1>Settings</h1>
        <p className="demo-muted">Your organization: its products, partners, users and API keys.</p>
      </div>
      <Section
        title="Products"
        error={createProduct.error ?? archive.error}
        form={
          <form
            className="demo-admin-form"
            onSubmit={(e) => createProduct.mutate({ name: fields(e)('name') })}
          >
            <label>
              Product name <input name="name" />
            </label>
            <button type="submit" className="rk-button">
              Add product
            </button>
          </form>
        }
      >
        {products.data?.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}</th>
            <td>{p.archivedAt ? 'Archived' : 'Active'}</td>
            <td>
              {button(`Archive ${p.name}`, () => archive.mutate({ id: p.id }), !!p.archivedAt)}
            </td>
          </tr>
        ))}
      </Section>
      <Section title="Partners" error={unlink.error}>
        {partners.data?.map((p) => (
          <tr key={p.resellerId}>
            <th scope="row">{p.name}</th>
            <td>{p.unlinkedAt ? 'Unlinked' : 'Partner'}</td>
            <td>
              {button(
                `Unlink ${p.name}`,
                () => unlink.mutate({ resellerId: p.resellerId }),
                !!p.unlinkedAt,
              )}
            </td>
          </tr>
        ))}
      </Section>
      <Section
        title="Users"
        error={createUser.error}
        form={
          <form
            className="demo-admin-form"
            onSubmit={(e) => {
              const get = fields(e);
              createUser.mutate({
                name: get('name'),
                email: get('email'),
                role: get('role') as Role,
              });
            }}
          >
            <label>
              User name <input name="name" />
            </label>
            <label>
              Email <input name="email" type="email" />
            </label>
            <label>
              Role
              <select name="role" defaultValue="member">
                {ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="rk-button">
              Add user
            </button>
          </form>
        }
      >
        {users.data?.map((u) => (
          <tr key={u.id}>
            <th scope="row">{u.name}</th>
            <td>{u.email}</td>
            <td>{u.role}</td>
          </tr>
        ))}
      </Section>
      <Section
        title="API keys"
        error={createKey.error ?? revoke.error}
        form={
          <form
            className="demo-admin-form"
            onSubmit={(e) => {
              const get = fields(e);
              createKey.mutate(
                { label: get('label'), userId: get('userId') || null },
                { onSuccess: (created) => setSecret(created.secret) },
              );
            }}
          >
            <label>
              Key label <input name="label" />
            </label>
            <label>
              For user
              <select name="userId">
                {users.data?.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rk-button">
              Create key
            </button>
          </form>
        }
      >
        {keys.data?.map((k) => (
          <tr key={k.id}>
            <th scope="row">{k.label ?? k.prefix ?? k.id}</th>
            <td>{k.user.name}</td>
            <td>{k.revokedAt ? 'Revoked' : 'Active'}</td>
            <td>
              {button(
                `Revoke ${k.label ?? k.id}`,
                () => revoke.mutate({ id: k.id }),
                !!k.revokedAt,
              )}
            </td>
          </tr>
        ))}
      </Section>
      <Dialog open={secret !== null} header="Your new API key" onDismiss={() => setSecret(null)}>
        <p>Copy it now: it is shown this once and cannot be read again.</p>
        <p className="demo-secret" data-testid="api-key-secret">
          {secret}
        </p>
        {button('Done', () => setSecret(null))}
      </Dialog>
    </>
  );
}
