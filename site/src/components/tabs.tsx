/** Accessible tabs (WAI-ARIA tabs pattern: arrow keys, Home/End move between tabs). */
import type { ComponentChildren } from 'preact';

/** One tab. */
export interface Tab {
  readonly id: string;
  readonly label: string;
  readonly note?: string;
}

/** A tab list; the selected panel is rendered by the caller as children. */
export function Tabs(props: {
  tabs: readonly Tab[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  idPrefix: string;
  children: ComponentChildren;
}) {
  const { tabs, selected, onSelect, label, idPrefix } = props;
  const move = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to].id);
    document.getElementById(`${idPrefix}-tab-${tabs[to].id}`)?.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tablist">
        {tabs.map((t, i) => (
          <button
            type="button"
            role="tab"
            key={t.id}
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => move(e, i)}
            class={t.note ? 'tab has-note' : 'tab'}
          >
            {t.label}
            {t.note ? <span class="tab-note"> {t.note}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${selected}`} class="tabpanel">
        {props.children}
      </div>
    </div>
  );
}
