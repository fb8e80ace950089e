// Provinces on the tile-grid map of China, by count or per-million rate. Clicking a province
// filters to it and ranks its cities.
import { regionName } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { ProvinceMapPanel } from '../../analysis/components/ProvinceMapPanel';
import { RankingPanel } from '../../analysis/components/RankingPanel';
import { FilterBar } from '../../trends/components/FilterBar';
import { useFilters } from '../../trends/hooks/useFilters';
import { toggleProvince } from '../utils/provinceClick';

export default function RegionsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle('nav.regions');
  const filters = useFilters();
  const { filter, state, update, addFilter } = filters;
  const single = filter.provinceCodes?.length === 1 ? filter.provinceCodes[0] : undefined;
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">{t('regionsTitle')}</h2>
        <p className="page-sub">{t('regionsSub')}</p>
      </div>
      <FilterBar filters={filters} />
      <div className="figure-grid regions-grid">
        <ProvinceMapPanel
          filter={{ ...filter, provinceCodes: undefined }}
          metric={state.metric}
          onMetricChange={(metric) => update({ metric })}
          selected={filter.provinceCodes}
          onPick={(code) => update((s) => toggleProvince(s, code))}
        />
        {single ? (
          <RankingPanel
            key={single}
            dimension="CITY"
            filter={filter}
            top={30}
            title={t('citiesOf', { province: regionName(single, lang) })}
            nameHeader={t('city')}
            testId="city-ranking"
            selected={filter.cityCodes}
            onPick={(code) => addFilter('cityCodes', code)}
            color="#D55E00"
          />
        ) : (
          <RankingPanel
            dimension="PROVINCE"
            filter={filter}
            top={34}
            orderBy={state.metric === 'rate' ? 'RATE' : 'COUNT'}
            title={state.metric === 'rate' ? t('provincesByRate') : t('provincesByCount')}
            nameHeader={t('province')}
            testId="province-ranking"
            selected={filter.provinceCodes}
            onPick={(code) => update((s) => toggleProvince(s, code))}
          />
        )}
      </div>
      <p className="page-footnote">{t('boundaryNote')}</p>
    </>
  );
}
