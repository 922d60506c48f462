import { useCallback, useEffect, useRef, useState } from 'react';

/** Copies text to the clipboard and returns the message to announce for a few seconds. */
export function useCopy(messages: { copied: string; copyFailed: string }) {
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = useCallback((text: string) => {
    setAnnouncement(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setAnnouncement(''), 3000);
  }, []);

  const copy = useCallback(
    (text: string) => {
      const clipboard = globalThis.navigator?.clipboard;
      if (!clipboard) {
        show(messages.copyFailed);
        return;
      }
      clipboard.writeText(text).then(
        () => show(messages.copied),
        () => show(messages.copyFailed),
      );
    },
    [messages.copied, messages.copyFailed, show],
  );

  return { announcement, copy };
}
