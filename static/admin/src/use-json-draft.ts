/**
 * The JSON editor's text and the saved text it started from: `dirty` while they differ. While
 * dirty, leaving the page (reload, navigation) asks the browser's "leave site?" question.
 */
import { useCallback, useEffect, useState } from 'react';

export function useJsonDraft(saved: string) {
  const [state, setState] = useState({ text: saved, baseline: saved });
  const dirty = state.text !== state.baseline;

  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      // preventDefault is what current browsers (Forge's supported ones) need to ask.
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);

  const setText = useCallback((text: string) => {
    setState((current) => ({ ...current, text }));
  }, []);
  /** Replaces text and baseline: after a load, a save or an import. */
  const reset = useCallback((text: string) => {
    setState({ text, baseline: text });
  }, []);

  return { text: state.text, baseline: state.baseline, dirty, setText, reset };
}
