// The frame of every figure on the analysis pages: title, notes, the figure or its loading,
// empty or error state in the same space (no layout jump), a table alternative and a CSV of
// exactly that table.
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { downloadText, figureFileName, tableToCsv, type FigureTable } from '../utils/table';

export type FigureState = 'loading' | 'ready' | 'empty' | 'error';

interface Props {
  title: string;
  subtitle?: string | undefined;
  notes?: readonly string[];
  testId: string;
  state: FigureState;
  onRetry?: () => void;
  /** What the figure shows, as a table (ready state). */
  table?: FigureTable | undefined;
  /** CSV file name stem, e.g. "top-institutions". */
  fileStem: string;
  from?: string | undefined;
  to?: string | undefined;
  /** Height kept while loading, so nothing jumps when the figure draws. */
  minHeight?: number;
  /** Extra controls beside the table and CSV buttons (e.g. a metric switch). */
  controls?: ReactNode;
  children?: ReactNode;
  className?: string;
}

export function FigurePanel({
  title,
  subtitle,
  notes = [],
  testId,
  state,
  onRetry,
  table,
  fileStem,
  from,
  to,
  minHeight = 240,
  controls,
  children,
  className,
}: Props) {
  const { t } = useI18n();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section
      className={`panel figure-panel ${className ?? ''}`}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      data-state={state}
    >
      <header className="panel-head">
        <div>
          <h2 id={`${id}-title`} className="panel-title">
            {title}
          </h2>
          {subtitle && <p className="panel-sub">{subtitle}</p>}
        </div>
        {controls && <div className="panel-controls">{controls}</div>}
      </header>
      {notes.length > 0 && (
        <div className="panel-notes">
          {notes.map((n) => (
            <p key={n} className="panel-note">
              {n}
            </p>
          ))}
        </div>
      )}
      <div className="figure-area" style={{ minHeight }} aria-busy={state === 'loading'}>
        {state === 'loading' && (
          <div className="chart-skeleton" role="status">
            <span className="visually-hidden">{t('loading')}</span>
            <div className="skeleton" style={{ height: minHeight - 16 }} aria-hidden="true" />
          </div>
        )}
        {state === 'error' && (
          <div className="panel-message" role="alert">
            <p className="panel-message-title">{t('errorTitle')}</p>
            <p className="panel-message-hint">{t('figureErrorHint')}</p>
            {onRetry && (
              <button type="button" className="button button-primary" onClick={onRetry}>
                {t('retry')}
              </button>
            )}
          </div>
        )}
        {state === 'empty' && (
          <div className="panel-message" role="status">
            <p className="panel-message-title">{t('emptyTitle')}</p>
            <p className="panel-message-hint">{t('emptyHint')}</p>
          </div>
        )}
        {state === 'ready' && children}
      </div>
      {state === 'ready' && table && (
        <>
          <div className="panel-actions">
            <button
              type="button"
              className="button"
              aria-expanded={showTable}
              aria-controls={`${id}-table`}
              onClick={() => setShowTable((v) => !v)}
            >
              {showTable ? t('hideTable') : t('showTable')}
            </button>
            <button
              type="button"
              className="button"
              data-testid={`${testId}-csv`}
              onClick={() => downloadText(figureFileName(fileStem, from, to), tableToCsv(table))}
            >
              {t('downloadCsv')}
            </button>
          </div>
          {showTable && (
            <FigureTableView
              id={`${id}-table`}
              caption={t('tableCaption', { title })}
              table={table}
            />
          )}
        </>
      )}
    </section>
  );
}

export function FigureTableView({
  id,
  caption,
  table,
}: {
  id: string;
  caption: string;
  table: FigureTable;
}) {
  const { locale } = useI18n();
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <div className="table-wrap" id={id} tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={typeof cell === 'number' ? 'num' : undefined}>
                    {typeof cell === 'number' ? nf.format(cell) : cell === '' ? '—' : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A query's state as a figure state. */
export function figureState(
  q: { loading: boolean; error?: unknown; data?: unknown },
  empty: boolean,
): FigureState {
  if (q.error && !q.loading) return 'error';
  if (q.loading || !q.data) return 'loading';
  return empty ? 'empty' : 'ready';
}
