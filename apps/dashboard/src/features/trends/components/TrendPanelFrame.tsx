// The trend panel's frame, shared by the loading skeleton (in the first script) and the
// lazy-loaded panel, so that the page keeps its layout while chart code and data arrive.
import { useId, type ReactNode } from 'react';
import { MULTI_VALUED_DIMENSIONS, type ComplaintFilter, type Interval } from '@cw/domain';
import { useI18n, type I18n } from '../../../app/I18nProvider';
import { formatDate } from '../utils/format';
import type { ChartStyle, Compare, GroupBy } from '../utils/urlState';

export interface TrendView {
  filter: ComplaintFilter;
  interval: Interval;
  groupBy: GroupBy | null;
  top: number;
  chart?: ChartStyle;
  compare?: Compare | null;
}

export type PanelState = 'loading' | 'ready' | 'empty' | 'error';

export function trendTitle({ t, lang }: I18n, view: TrendView): string {
  const title = t(`chartTitle.${view.interval}`);
  if (!view.groupBy) return title;
  const dimension = t(`groupBy.${view.groupBy}`);
  return t('chartTitleBy', {
    title,
    dimension: lang === 'en' ? dimension.toLowerCase() : dimension,
  });
}

function rangeText({ t, lang }: I18n, filter: ComplaintFilter): string {
  if (!filter.from && !filter.to) return t('chartRangeOpen');
  return t('chartRange', {
    from: filter.from ? formatDate(filter.from, lang) : '…',
    to: filter.to ? formatDate(filter.to, lang) : '…',
  });
}

/** Notes that depend only on the view, so they show (and take their space) while loading. */
function notes(i18n: I18n, view: TrendView): string[] {
  const out: string[] = [];
  if (view.groupBy === 'CATEGORY' || view.groupBy === 'CHANNEL') {
    if (MULTI_VALUED_DIMENSIONS.includes(view.groupBy)) {
      out.push(i18n.t(`multiValued.${view.groupBy}`));
    }
  }
  if (view.groupBy) out.push(i18n.t('topNote', { n: view.top }));
  if (view.compare && view.groupBy) out.push(i18n.t('compareNeedsTotal'));
  if (view.compare && !view.groupBy) out.push(i18n.t('compareNote'));
  if (view.groupBy && view.groupBy !== 'INSTITUTION_TYPE') out.push(i18n.t('legendClickNote'));
  return out;
}

interface FrameProps {
  view: TrendView;
  state: PanelState;
  /** Headline total; a placeholder bar while loading. */
  total?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
}

export function TrendPanelFrame({ view, state, total, children, actions, footer }: FrameProps) {
  const i18n = useI18n();
  const id = useId();
  const viewNotes = notes(i18n, view);
  return (
    <section className="panel trend-panel" aria-labelledby={`${id}-title`}>
      <header className="panel-head">
        <div>
          <h2 id={`${id}-title`} className="panel-title">
            {trendTitle(i18n, view)}
          </h2>
          <p className="panel-sub">{rangeText(i18n, view.filter)}</p>
        </div>
        <div className="headline-total" aria-live="polite">
          {total ?? <span className="skeleton skeleton-total" aria-hidden="true" />}
        </div>
      </header>
      <div className="panel-notes">
        {viewNotes.map((n) => (
          <p key={n} className="panel-note">
            {n}
          </p>
        ))}
      </div>
      <div
        className="chart-area"
        data-testid="trend-chart"
        data-state={state}
        aria-busy={state === 'loading'}
      >
        {children}
      </div>
      <div className="panel-actions">{actions}</div>
      {footer}
    </section>
  );
}

export function ChartSkeleton() {
  const { t } = useI18n();
  return (
    <div className="chart-skeleton" role="status">
      <span className="visually-hidden">{t('loading')}</span>
      <div className="skeleton skeleton-chart" aria-hidden="true" />
    </div>
  );
}

/** What shows while the chart code or the data load: the same size as the panel. */
export function TrendPanelSkeleton({ view }: { view: TrendView }) {
  return (
    <TrendPanelFrame view={view} state="loading">
      <ChartSkeleton />
    </TrendPanelFrame>
  );
}
