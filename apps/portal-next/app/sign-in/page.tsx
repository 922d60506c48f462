import { DEMO_IDENTITIES } from '@resale-kit/server';
import { signIn } from './actions';

/** Only what the form shows: a demo identity's API key stays on the server. */
const USERS = DEMO_IDENTITIES.map(({ label, kind, name, organization }) => ({
  label,
  kind,
  name,
  organization,
}));

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  return (
    <form action={signIn} className="portal-panel portal-sign-in">
      <h1>Sign in</h1>
      <p className="portal-muted">
        A toy sign-in: pick a demo user. The portal signs a session cookie; the browser never sees a
        resale-kit API key.
      </p>
      {error && <p role="alert">That user is not known. Pick one from the list.</p>}
      <fieldset>
        <legend>Demo user</legend>
        {USERS.map((u, i) => (
          <label key={u.label} className="portal-choice">
            <input type="radio" name="user" value={u.label} required defaultChecked={i === 0} />
            {u.name}, {u.organization} ({u.kind === 'isv' ? 'ISV admin' : 'reseller user'})
          </label>
        ))}
      </fieldset>
      <button type="submit" className="rk-button rk-button--primary">
        Sign in
      </button>
    </form>
  );
}
