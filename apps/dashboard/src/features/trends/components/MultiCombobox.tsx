// A multi-select with type-ahead (WAI-ARIA combobox + listbox): chips for what is chosen,
// arrow keys to move, Enter to add, Escape to close, Backspace on an empty box to remove
// the last chip.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboOption {
  value: string;
  label: string;
  /** Secondary text (other-language name, matching alias, type). */
  hint?: ReactNode;
}

export interface MultiComboboxProps {
  label: string;
  placeholder: string;
  testId: string;
  query: string;
  onQueryChange: (query: string) => void;
  /** Candidates for the current query (already-selected ones are hidden). */
  options: readonly ComboOption[];
  selected: readonly ComboOption[];
  onAdd: (value: string) => void;
  onRemove: (value: string) => void;
  onOpenChange?: (open: boolean) => void;
  /** Shown instead of options while they load, or when a search failed. */
  status?: string | null;
  noMatchesText: string;
  removeLabel: (label: string) => string;
  /** Close the list after a pick (in a form, so that it does not cover the buttons below). */
  closeOnPick?: boolean;
  /** In a form: the field has an error, described by the element with this id. */
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
}

export function MultiCombobox({
  label,
  placeholder,
  testId,
  query,
  onQueryChange,
  options,
  selected,
  onAdd,
  onRemove,
  onOpenChange,
  status,
  noMatchesText,
  removeLabel,
  closeOnPick = false,
  invalid,
  describedBy,
  required,
}: MultiComboboxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [open, setOpenState] = useState(false);
  const [active, setActive] = useState(0);

  const chosen = new Set(selected.map((s) => s.value));
  const visible = options.filter((o) => !chosen.has(o.value));
  const activeIndex = Math.min(active, Math.max(visible.length - 1, 0));
  const activeOption = visible[activeIndex];

  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };

  const add = (value: string) => {
    onAdd(value);
    onQueryChange('');
    setActive(0);
    if (closeOnPick) setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((activeIndex + 1) % Math.max(visible.length, 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((activeIndex - 1 + visible.length) % Math.max(visible.length, 1));
        break;
      case 'Enter':
        if (open && activeOption) {
          event.preventDefault();
          add(activeOption.value);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (query) {
          onQueryChange('');
        }
        break;
      case 'Backspace': {
        const last = selected[selected.length - 1];
        if (query === '' && last) onRemove(last.value);
        break;
      }
    }
  };

  const expanded = open && (visible.length > 0 || Boolean(status) || query.trim() !== '');

  return (
    <div className={invalid ? 'field combo is-invalid' : 'field combo'}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="combo-box">
        {selected.length > 0 && (
          <ul className="chips" aria-label={label}>
            {selected.map((s) => (
              <li key={s.value} className="chip">
                <span className="chip-label">{s.label}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={removeLabel(s.label)}
                  onClick={() => onRemove(s.value)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={inputId}
          data-testid={testId}
          className="combo-input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={
            expanded && activeOption ? `${listId}-${activeOption.value}` : undefined
          }
          placeholder={placeholder}
          value={query}
          onChange={(e) => {
            onQueryChange(e.target.value);
            setActive(0);
            if (!open) setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="combo-list"
          hidden={!expanded}
          // Keep focus in the input when an option is clicked.
          onMouseDown={(e) => e.preventDefault()}
        >
          {status ? (
            <li className="combo-status" role="presentation">
              {status}
            </li>
          ) : visible.length === 0 ? (
            <li className="combo-status" role="presentation">
              {noMatchesText}
            </li>
          ) : (
            visible.map((o, i) => (
              <li
                key={o.value}
                id={`${listId}-${o.value}`}
                role="option"
                aria-selected={i === activeIndex}
                className={i === activeIndex ? 'combo-option is-active' : 'combo-option'}
                onMouseEnter={() => setActive(i)}
                onClick={() => add(o.value)}
              >
                <span className="combo-option-label">{o.label}</span>
                {o.hint && <span className="combo-option-hint">{o.hint}</span>}
              </li>
            ))
          )}
        </ul>
      </div>
    </div>
  );
}
