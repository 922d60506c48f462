import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export interface Notification {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
}

interface NotificationsApi {
  items: Notification[];
  notify: (kind: Notification['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

const NotificationsContext = createContext<NotificationsApi>({
  items: [],
  notify: () => {},
  dismiss: () => {},
});

let nextId = 1;

/** Holds the notifications shown by <Flashbar />: results of actions and errors. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Notification[]>([]);
  const notify = useCallback((kind: Notification['kind'], text: string) => {
    nextId += 1;
    setItems((list) => [...list.slice(-3), { id: nextId, kind, text }]);
  }, []);
  const dismiss = useCallback((id: number) => {
    setItems((list) => list.filter((n) => n.id !== id));
  }, []);
  const api = useMemo(() => ({ items, notify, dismiss }), [items, notify, dismiss]);
  return <NotificationsContext.Provider value={api}>{children}</NotificationsContext.Provider>;
}

/** `notify('success', 'Opportunity created')` from anywhere under the provider. */
export function useNotify() {
  return useContext(NotificationsContext).notify;
}

/** The flash bar at the top of the content: each notification stays until dismissed. */
export function Flashbar() {
  const { items, dismiss } = useContext(NotificationsContext);
  return (
    <div className="demo-flashbar" aria-live="polite">
      {items.map((n) => (
        <div key={n.id} className={`demo-flash demo-flash--${n.kind}`} data-kind={n.kind}>
          <span className="demo-flash-icon" aria-hidden="true">
            {n.kind === 'error' ? '!' : n.kind === 'success' ? '✓' : 'i'}
          </span>
          <p className="demo-flash-text">
            <span className="demo-visually-hidden">
              {n.kind === 'error' ? 'Error: ' : n.kind === 'success' ? 'Success: ' : 'Info: '}
            </span>
            {n.text}
          </p>
          <button
            type="button"
            className="demo-icon-button"
            aria-label="Dismiss notification"
            onClick={() => dismiss(n.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
