// Spikes: institution x province weeks whose complaints jumped far above their own history,
// within the filter; a row filters the other pages to that institution and province.
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { SpikesPanel } from '../../analysis/components/SpikesPanel';
import { FilterBar } from '../../trends/components/FilterBar';
import { useFilters } from '../../trends/hooks/useFilters';
import { sharedQuery, withFilterValue } from '../../trends/utils/urlState';

export default function SpikesPage() {
  const { t } = useI18n();
  useDocumentTitle('nav.spikes');
  const filters = useFilters();
  const navigate = useNavigate();
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">{t('spikesTitle')}</h2>
        <p className="page-sub">{t('spikesPageSub')}</p>
      </div>
      <FilterBar filters={filters} />
      <SpikesPanel
        filter={filters.filter}
        top={100}
        testId="spikes-table"
        onPick={(institutionId, provinceCode) => {
          const next = withFilterValue(
            withFilterValue(filters.state, 'institutionIds', institutionId),
            'provinceCodes',
            provinceCode,
          );
          navigate(`/trends?${sharedQuery(next)}`);
        }}
      />
    </>
  );
}
