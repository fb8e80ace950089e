// A props-only horizontal bar chart drawn with HTML: one row a category, its bar as long as
// its value against the largest, the value written beside it. Rows are buttons when
// `onRowClick` is given (cross-filtering). No chart library needed.

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** The value as written, e.g. "1,234 件" or "12.5%". */
  valueText: string;
  /** Smaller text after the value, e.g. a change. */
  note?: string;
}

export interface BarListProps {
  rows: readonly BarRow[];
  /** Accessible name of the list. */
  title: string;
  color?: string;
  /** Keys drawn as chosen (the current filter). */
  selected?: readonly string[];
  onRowClick?: (key: string) => void;
  /** Accessible name of a row's button, e.g. "Filter by {label}". */
  actionLabel?: (row: BarRow) => string;
}

export function BarList({
  rows,
  title,
  color = '#0072B2',
  selected = [],
  onRowClick,
  actionLabel,
}: BarListProps) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const chosen = new Set(selected);
  return (
    <ol className="bar-list" aria-label={title}>
      {rows.map((r) => {
        const width = max > 0 ? Math.max((r.value / max) * 100, r.value > 0 ? 0.5 : 0) : 0;
        const body = (
          <>
            <span className="bar-label">{r.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${width}%`, background: color }} />
            </span>
            <span className="bar-value">
              {r.valueText}
              {r.note && <span className="bar-note"> {r.note}</span>}
            </span>
          </>
        );
        return (
          <li key={r.key} className={chosen.has(r.key) ? 'bar-row is-chosen' : 'bar-row'}>
            {onRowClick ? (
              <button
                type="button"
                className="bar-button"
                aria-pressed={chosen.has(r.key)}
                aria-label={actionLabel ? actionLabel(r) : undefined}
                onClick={() => onRowClick(r.key)}
              >
                {body}
              </button>
            ) : (
              <div className="bar-static">{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
