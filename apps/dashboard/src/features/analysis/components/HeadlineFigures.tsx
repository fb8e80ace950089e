// The overview's headline: complaints in the period with the change against the previous
// period and a year earlier, share answered within 15 days, share of conduct at night.
import { useQuery } from '@apollo/client/react';
import type { ComplaintFilter } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { formatDate } from '../../trends/utils/format';
import { HEADLINE_FIGURES } from '../graphql/headlineFigures';
import { changeDirection, formatChange, formatShare } from '../utils/figures';

const ARROW = { up: '▲', down: '▼', flat: '▬', none: '' } as const;

function Change({ change, label }: { change: number | null; label: string }) {
  const { lang } = useI18n();
  const dir = changeDirection(change);
  return (
    <p className={`headline-change change-${dir}`}>
      <span aria-hidden="true">{ARROW[dir]} </span>
      {formatChange(change, lang)} <span className="headline-change-label">{label}</span>
    </p>
  );
}

export function HeadlineFigures({ filter }: { filter: ComplaintFilter }) {
  const { t, lang, formatNumber } = useI18n();
  const q = useQuery(HEADLINE_FIGURES, { variables: { filter } });
  if (q.error && !q.loading) {
    return (
      <section className="headline-grid" data-testid="headline" data-state="error">
        <div className="panel panel-message" role="alert">
          <p className="panel-message-title">{t('errorTitle')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void q.refetch().catch(() => undefined)}
          >
            {t('retry')}
          </button>
        </div>
      </section>
    );
  }
  const d = q.data;
  const range = (p?: { from: string; to: string }) =>
    p ? t('chartRange', { from: formatDate(p.from, lang), to: formatDate(p.to, lang) }) : '';
  const all = d?.handling[0];
  return (
    <section
      className="headline-grid"
      aria-label={t('headlineLabel')}
      data-testid="headline"
      data-state={d ? 'ready' : 'loading'}
    >
      <div className="panel headline-card">
        <h2 className="headline-card-title">{t('headline.total')}</h2>
        {d ? (
          <>
            <p className="headline-card-value" data-testid="headline-total">
              {formatNumber(d.complaintComparison.current.total)}
              <span className="headline-unit"> {t('unit')}</span>
            </p>
            <p className="headline-card-sub">{range(d.complaintComparison.current)}</p>
          </>
        ) : (
          <span className="skeleton skeleton-figure" aria-hidden="true" />
        )}
      </div>
      <div className="panel headline-card">
        <h2 className="headline-card-title">{t('headline.change')}</h2>
        {d ? (
          <>
            <Change
              change={d.complaintComparison.changeFromPrevious}
              label={t('headline.vsPrevious', {
                n: formatNumber(d.complaintComparison.previous.total),
              })}
            />
            <Change
              change={d.complaintComparison.changeFromYearAgo}
              label={t('headline.vsYearAgo', {
                n: formatNumber(d.complaintComparison.yearAgo.total),
              })}
            />
          </>
        ) : (
          <span className="skeleton skeleton-figure" aria-hidden="true" />
        )}
      </div>
      <div className="panel headline-card">
        <h2 className="headline-card-title">{t('headline.timely')}</h2>
        {d ? (
          <>
            <p className="headline-card-value">{formatShare(all?.timelyShare ?? null, lang)}</p>
            <p className="headline-card-sub">
              {t('headline.timelyOf', {
                timely: formatNumber(all?.timely ?? 0),
                total: formatNumber(all?.total ?? 0),
              })}
            </p>
          </>
        ) : (
          <span className="skeleton skeleton-figure" aria-hidden="true" />
        )}
      </div>
      <div className="panel headline-card">
        <h2 className="headline-card-title">{t('headline.offHours')}</h2>
        {d ? (
          <>
            <p className="headline-card-value">{formatShare(d.offHours.share, lang)}</p>
            <p className="headline-card-sub">
              {t('headline.offHoursOf', { n: formatNumber(d.offHours.withIncidentTime) })}
            </p>
          </>
        ) : (
          <span className="skeleton skeleton-figure" aria-hidden="true" />
        )}
      </div>
    </section>
  );
}
