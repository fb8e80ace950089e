// One institution: its headline figures, trend, conduct categories, provinces and the
// collection agencies acting for it, under the page's filter.
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import { INSTITUTION_TYPE } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { HeadlineFigures } from '../../analysis/components/HeadlineFigures';
import { RankingPanel } from '../../analysis/components/RankingPanel';
import { SharesPanel } from '../../analysis/components/SharesPanel';
import { TrendFigure } from '../../analysis/components/TrendFigure';
import { FilterBar } from '../../trends/components/FilterBar';
import { INSTITUTIONS_BY_IDS } from '../../trends/graphql/institutionsByIds';
import { useFilters } from '../../trends/hooks/useFilters';

export default function InstitutionPage() {
  const { t, lang } = useI18n();
  useDocumentTitle('nav.institutions');
  const { id = '' } = useParams();
  const filters = useFilters();
  const { addFilter, shared } = filters;
  const filter = useMemo(() => ({ ...filters.filter, institutionIds: [id] }), [filters.filter, id]);
  const info = useQuery(INSTITUTIONS_BY_IDS, { variables: { ids: [id] } });
  const inst = info.data?.institutionsByIds[0];
  const back = `/institutions${shared ? `?${shared}` : ''}`;

  if (info.data && !inst) {
    return (
      <div className="panel panel-message page-message" role="alert">
        <p className="panel-message-title">{t('institutionNotFound')}</p>
        <Link to={back}>{t('backToInstitutions')}</Link>
      </div>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <p className="breadcrumb">
            <Link to={back}>{t('nav.institutions')}</Link>
          </p>
          <h2 className="page-title" data-testid="institution-name">
            {inst?.name ?? '…'}
          </h2>
          {inst && (
            <p className="page-sub">
              {INSTITUTION_TYPE.is(inst.type)
                ? INSTITUTION_TYPE.labels[inst.type][lang]
                : inst.type}
              {inst.aliases.length > 0 &&
                ` · ${t('aliases')}: ${inst.aliases.join(t('listSeparator'))}`}
              {inst.synthetic && ` · ${t('demoTag')}`}
            </p>
          )}
        </div>
      </div>
      <FilterBar filters={filters} />
      <HeadlineFigures filter={filter} />
      <TrendFigure filter={filter} />
      <div className="figure-grid">
        <SharesPanel
          dimension="CATEGORY"
          filter={filter}
          title={t('categoryBreakdown')}
          nameHeader={t('categories')}
          testId="institution-categories"
          selected={filter.categories}
          onPick={(code) => addFilter('categories', code)}
        />
        <RankingPanel
          dimension="PROVINCE"
          filter={filter}
          title={t('topProvinces')}
          nameHeader={t('province')}
          testId="institution-provinces"
          selected={filter.provinceCodes}
          onPick={(code) => addFilter('provinceCodes', code)}
          color="#D55E00"
        />
        <RankingPanel
          dimension="AGENCY"
          filter={filter}
          title={t('topAgencies')}
          nameHeader={t('agency')}
          testId="institution-agencies"
          selected={filter.agencyIds}
          onPick={(key) => key !== 'NONE' && addFilter('agencyIds', key)}
          color="#CC79A7"
        />
      </div>
    </>
  );
}
