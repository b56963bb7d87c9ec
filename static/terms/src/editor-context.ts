/**
 * What every form reads and writes: the draft database, the errors of its last check (by path), the
 * site's Jira names, what history fixes, and the one way to change the draft (`update` at a path).
 * Fields with text the schema cannot hold yet (a target such as `1h 3`) report a local error, which
 * also keeps Save disabled.
 */
import { createContext, useContext } from 'react';
import type { HistoryLocksData, JiraOptionsData, ValidationError } from '../../../src/contract/admin-api';
import type { ContractDatabase } from '../../../src/contract/contract-database-shape';
import type { Path } from './draft';

export interface Editor {
  db: ContractDatabase;
  update: (path: Path, change: (current: unknown) => unknown) => void;
  set: (path: Path, value: unknown) => void;
  errors: readonly ValidationError[];
  options: JiraOptionsData | null;
  locks: HistoryLocksData;
  /** The site's today (a local date), for new items and new versions. */
  today: string;
  /** Reports (message) or clears (null) a field's own parse error. */
  setLocalError: (key: string, message: string | null) => void;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (editor === null) throw new Error('useEditor outside the terms editor.');
  return editor;
}
