// The tile-grid map of China by province, coloured by count or per-million rate. Clicking a
// province filters to it. No geographic map: maps of China shown to the public need official
// map review, so a boundary map is drawn only from a file a deployment supplies.
import { useQuery } from '@apollo/client/react';
import { TileMap } from '@cw/charts';
import type { ComplaintFilter } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import type { MapMetric } from '../../trends/utils/urlState';
import { langVar, RANKING } from '../graphql/ranking';
import { formatRate } from '../utils/figures';
import { provinceMapTable, provinceMapTiles } from '../utils/figureModels';
import { figureState, FigurePanel } from './FigurePanel';

interface Props {
  filter: ComplaintFilter;
  metric: MapMetric;
  onMetricChange?: (metric: MapMetric) => void;
  selected?: readonly string[];
  onPick?: (code: string) => void;
  testId?: string;
}

export function ProvinceMapPanel({
  filter,
  metric,
  onMetricChange,
  selected,
  onPick,
  testId = 'province-map',
}: Props) {
  const { t, lang, formatNumber } = useI18n();
  const q = useQuery(RANKING, {
    variables: { dimension: 'PROVINCE', orderBy: 'COUNT', top: 40, filter, lang: langVar(lang) },
  });
  const rows = q.data?.ranking.rows ?? [];
  const title = metric === 'count' ? t('mapTitle.count') : t('mapTitle.rate');
  return (
    <FigurePanel
      title={title}
      notes={[t('mapNote'), ...(metric === 'rate' ? [t('rateNote')] : [])]}
      testId={testId}
      state={figureState(q, rows.length === 0)}
      onRetry={() => void q.refetch().catch(() => undefined)}
      table={provinceMapTable(rows, t, lang)}
      fileStem="provinces"
      from={filter.from}
      to={filter.to}
      minHeight={420}
      controls={
        onMetricChange && (
          <div className="segmented" role="group" aria-label={t('mapMetric')}>
            {(['count', 'rate'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className="preset"
                aria-pressed={metric === m}
                data-testid={`map-metric-${m}`}
                onClick={() => onMetricChange(m)}
              >
                {t(`mapMetric.${m}`)}
              </button>
            ))}
          </div>
        )
      }
    >
      <TileMap
        tiles={provinceMapTiles(rows, metric, lang, formatNumber, t)}
        title={title}
        legendTitle={metric === 'count' ? t('legend.count') : t('legend.rate')}
        noDataLabel={metric === 'count' ? t('legend.none') : t('noRate')}
        formatValue={(n) => (metric === 'count' ? formatNumber(n) : formatRate(n, lang))}
        selected={selected}
        onTileClick={onPick}
      />
    </FigurePanel>
  );
}
