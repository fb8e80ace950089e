// Top institutions, agencies, provinces or cities as bars; clicking one adds it to the filter
// (or, for institutions on the overview, may open its page).
import { useQuery } from '@apollo/client/react';
import { BarList } from '@cw/charts';
import type { ComplaintFilter } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { langVar, RANKING, type RankDimension, type RankOrder } from '../graphql/ranking';
import { formatRate } from '../utils/figures';
import { rankingBars, rankingTable } from '../utils/figureModels';
import { figureState, FigurePanel } from './FigurePanel';

interface Props {
  dimension: RankDimension;
  filter: ComplaintFilter;
  title: string;
  nameHeader: string;
  testId: string;
  top?: number;
  orderBy?: RankOrder;
  selected?: readonly string[];
  onPick?: (key: string) => void;
  color?: string;
}

export function RankingPanel({
  dimension,
  filter,
  title,
  nameHeader,
  testId,
  top = 10,
  orderBy = 'COUNT',
  selected,
  onPick,
  color,
}: Props) {
  const { t, lang, formatNumber } = useI18n();
  const q = useQuery(RANKING, {
    variables: { dimension, orderBy, top, filter, lang: langVar(lang) },
  });
  const rows = q.data?.ranking.rows ?? [];
  const rateUnitText =
    q.data?.ranking.rateUnit === 'PER_10K_BORROWERS' ? t('per10kUnit') : t('perMillionUnit');
  return (
    <FigurePanel
      title={title}
      subtitle={t('rankingSub', { n: top })}
      notes={[t('changeNote')]}
      testId={testId}
      state={figureState(q, rows.length === 0)}
      onRetry={() => void q.refetch().catch(() => undefined)}
      table={rankingTable(rows, t, nameHeader, q.data?.ranking.rateUnit ?? null)}
      fileStem={`top-${dimension}`}
      from={filter.from}
      to={filter.to}
      minHeight={Math.min(top, 10) * 30 + 20}
    >
      <BarList
        title={title}
        rows={
          orderBy === 'RATE'
            ? rows
                .filter((r) => r.rate !== null)
                .map((r) => ({
                  key: r.key,
                  label: r.label,
                  value: r.rate ?? 0,
                  valueText: `${formatRate(r.rate, lang)} ${rateUnitText}`,
                }))
            : rankingBars(rows, lang, formatNumber, t('unit'))
        }
        color={color}
        selected={selected}
        onRowClick={onPick}
        actionLabel={onPick ? (r) => t('filterBy', { label: r.label }) : undefined}
      />
    </FigurePanel>
  );
}
