/**
 * WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, the active panel follows focus.
 * A narrow frame wraps the tab row rather than hiding tabs.
 */
import { useRef } from 'preact/hooks';

export interface TabDef<K extends string> {
  key: K;
  label: string;
  /** A count shown on the tab (e.g. things that need attention there), with its spoken label. */
  badge?: { count: number; label: string };
}

export function Tabs<K extends string>(props: {
  tabs: TabDef<K>[];
  active: K;
  label: string;
  onSelect: (key: K) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const i = props.tabs.findIndex((t) => t.key === props.active);
    const n = props.tabs.length;
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const tab = props.tabs[next];
    if (!tab) return;
    props.onSelect(tab.key);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.key}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={props.label} ref={list} onKeyDown={move}>
      {props.tabs.map((t) => (
        <button
          key={t.key}
          id={`tab-${t.key}`}
          type="button"
          role="tab"
          class="tab"
          aria-selected={t.key === props.active}
          aria-controls={`tabpanel-${t.key}`}
          tabIndex={t.key === props.active ? 0 : -1}
          onClick={() => props.onSelect(t.key)}
        >
          {t.label}
          {t.badge && t.badge.count > 0 && (
            <span class="tab-badge" data-testid="tab-badge">
              <span aria-hidden="true">{t.badge.count}</span>
              <span class="sr-only">{t.badge.label}</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
