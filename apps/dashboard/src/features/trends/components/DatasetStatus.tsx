import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/I18nProvider';
import { DATASET } from '../graphql/dataset';
import { formatDate } from '../utils/format';

/** One line on what the store holds: count, received-date span, freshness. */
export function DatasetSummary() {
  const { t, lang, formatNumber } = useI18n();
  const { data } = useQuery(DATASET);
  if (!data) return null;
  const d = data.dataset;
  const asOf = d.asOf.slice(0, 10);
  return (
    <p className="dataset-summary">
      {d.complaintCount > 0 && d.firstReceived && d.lastReceived
        ? t('datasetSummary', {
            count: formatNumber(d.complaintCount),
            first: formatDate(d.firstReceived, lang),
            last: formatDate(d.lastReceived, lang),
          })
        : t('datasetEmpty')}
      {asOf && (
        <>
          <br />
          <span className="dataset-asof">
            {t('datasetAsOf', {
              asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? formatDate(asOf, lang) : d.asOf,
            })}
          </span>
        </>
      )}
    </p>
  );
}

/** Says plainly when the institutions and agencies on screen are made up. */
export function SyntheticBanner() {
  const { t } = useI18n();
  const { data } = useQuery(DATASET);
  if (!data?.dataset.synthetic) return null;
  return (
    <div className="banner-wrap">
      <div className="synthetic-banner" role="note" data-testid="synthetic-banner">
        <span className="synthetic-icon" aria-hidden="true">
          !
        </span>
        <strong>{t('syntheticBanner')}</strong>
      </div>
    </div>
  );
}
