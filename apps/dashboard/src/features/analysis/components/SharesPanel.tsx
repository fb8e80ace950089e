// A breakdown by category, channel, source, product or institution type, as bars; a
// multi-valued breakdown says that one complaint can count in several rows.
import { useQuery } from '@apollo/client/react';
import { BarList } from '@cw/charts';
import type { ComplaintFilter } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { langVar } from '../graphql/ranking';
import { SHARES, type ShareDimension } from '../graphql/shares';
import { shareBars, sharesTable } from '../utils/figureModels';
import { figureState, FigurePanel } from './FigurePanel';

interface Props {
  dimension: ShareDimension;
  filter: ComplaintFilter;
  title: string;
  nameHeader: string;
  testId: string;
  selected?: readonly string[];
  onPick?: (key: string) => void;
}

export function SharesPanel({
  dimension,
  filter,
  title,
  nameHeader,
  testId,
  selected,
  onPick,
}: Props) {
  const { t, lang, formatNumber } = useI18n();
  const q = useQuery(SHARES, { variables: { dimension, filter, lang: langVar(lang) } });
  const shares = q.data?.shares;
  const rows = shares?.rows ?? [];
  const notes = [t('shareNote')];
  if (dimension === 'CATEGORY') notes.unshift(t('multiValued.CATEGORY'));
  if (dimension === 'CHANNEL') notes.unshift(t('multiValued.CHANNEL'));
  return (
    <FigurePanel
      title={title}
      subtitle={shares ? t('sharesSub', { n: formatNumber(shares.total) }) : undefined}
      notes={notes}
      testId={testId}
      state={figureState(q, rows.length === 0)}
      onRetry={() => void q.refetch().catch(() => undefined)}
      table={sharesTable(rows, t, nameHeader)}
      fileStem={`shares-${dimension}`}
      from={filter.from}
      to={filter.to}
      minHeight={300}
    >
      <BarList
        title={title}
        rows={shareBars(rows, lang, formatNumber, t('unit'))}
        color="#009E73"
        selected={selected}
        onRowClick={onPick}
        actionLabel={onPick ? (r) => t('filterBy', { label: r.label }) : undefined}
      />
    </FigurePanel>
  );
}
