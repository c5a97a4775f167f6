/**
 * Drafts that survive a tab switch and a reload: the form's value is kept in sessionStorage under
 * `esm:draft:<account>:<section>` while it differs from the stored value, and restored when the form
 * mounts again. Storage can throw inside Zoho's sandboxed frame (STYLE 14): then the draft lives only
 * while the form is mounted. Forms with a draft mark the page dirty, so leaving it asks first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

const PREFIX = 'esm:draft:';

export function draftKey(accountId: string, section: string): string {
  return `${PREFIX}${accountId}:${section}`;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function readDraft<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
    return raw == null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // storage refused (sandbox, quota): the draft stays in memory only
  }
}

export function dropDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing stored
  }
}

/** The drafts of this page that differ from what is stored (the leave guard asks when non-empty). */
const dirtyKeys = new Set<string>();
export function hasUnsavedDrafts(): boolean {
  return dirtyKeys.size > 0;
}

let guardInstalled = false;
/** Ask before the page is left (record switch, tab close) while a draft is unsaved. */
export function installLeaveGuard(target: Pick<Window, 'addEventListener'> = window): void {
  if (guardInstalled) return;
  guardInstalled = true;
  target.addEventListener('beforeunload', (e: BeforeUnloadEvent) => {
    if (!hasUnsavedDrafts()) return;
    e.preventDefault();
    e.returnValue = '';
  });
}

export interface Draft<T> {
  value: T;
  set(update: (prev: T) => T): void;
  /** The value differs from the stored one. */
  dirty: boolean;
  /** The value came back from a draft saved before (a tab switch or reload). */
  restored: boolean;
  /** Back to the stored value; the draft is dropped. */
  discard(): void;
}

/**
 * A form value with a draft. `stored` is the value in the CRM; when it changes (after a save or a
 * reload) a value equal to it clears the draft, and an unchanged draft is kept over it.
 */
export function useDraft<T>(key: string, stored: T, equal: (a: T, b: T) => boolean): Draft<T> {
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? stored);
  const [restored, setRestored] = useState(() => {
    const d = readDraft<T>(key);
    return d != null && !equal(d, stored);
  });
  const baseline = useRef(stored);
  const dirty = !equal(value, stored);

  // A new stored value (after a save or a reload): take it as the baseline. A draft that still
  // differs from it is kept only when the rep typed it after that value was loaded.
  useEffect(() => {
    if (equal(baseline.current, stored)) return;
    baseline.current = stored;
    setValue(stored);
    setRestored(false);
  }, [stored, equal]);

  useEffect(() => {
    if (dirty) {
      writeDraft(key, value);
      dirtyKeys.add(key);
    } else {
      dropDraft(key);
      dirtyKeys.delete(key);
    }
  }, [key, value, dirty]);

  return {
    value,
    set: (update) => setValue(update),
    dirty,
    restored: restored && dirty,
    discard: () => {
      dropDraft(key);
      dirtyKeys.delete(key);
      setValue(stored);
      setRestored(false);
    },
  };
}
