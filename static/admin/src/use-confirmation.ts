/**
 * An inline confirmation step ("Discard your edits?"): `ask()` opens it, and closing it puts the
 * keyboard focus back on the button that asked, once that button is enabled again — so keyboard
 * and screen-reader users do not land on the top of the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useConfirmation() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [open]);

  const ask = useCallback(() => {
    setOpen(true);
  }, []);
  /** Closes; `refocus` false when the confirmed action moves the focus itself. */
  const close = useCallback((refocus = true) => {
    returnFocus.current = refocus;
    setOpen(false);
  }, []);

  return { open, ask, close, trigger };
}
