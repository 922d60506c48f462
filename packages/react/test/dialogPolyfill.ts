/**
 * jsdom has no HTMLDialogElement.showModal/close (Chromium does; the Storybook play tests run
 * there too). This stands in for the parts the kit relies on: `open`, the `close` event, and
 * Escape firing a cancelable `cancel` that closes the dialog unless prevented. It does not make
 * the page inert: focus containment is the browser's, checked in Chromium, not here.
 */
const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __rkPolyfill?: boolean };
if (typeof proto.showModal !== 'function') {
  proto.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) return;
    this.setAttribute('open', '');
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !this.open) return;
      const cancel = new Event('cancel', { cancelable: true });
      if (this.dispatchEvent(cancel)) this.close();
    };
    document.addEventListener('keydown', onKey);
    (this as unknown as { __rkOff: () => void }).__rkOff = () =>
      document.removeEventListener('keydown', onKey);
    const autofocus =
      this.querySelector<HTMLElement>('[autofocus]') ??
      this.querySelector<HTMLElement>('button, input, select, textarea, a[href]');
    autofocus?.focus();
  };
  proto.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute('open');
    (this as unknown as { __rkOff?: () => void }).__rkOff?.();
    this.dispatchEvent(new Event('close'));
  };
}
