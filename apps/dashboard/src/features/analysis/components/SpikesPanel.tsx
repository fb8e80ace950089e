// Recent spikes: institution x province weeks far above their own history. A row's button
// filters to that institution and province.
import { useQuery } from '@apollo/client/react';
import { regionName, type ComplaintFilter } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { formatDate } from '../../trends/utils/format';
import { SPIKES } from '../graphql/spikes';
import { formatRate } from '../utils/figures';
import { spikesTable } from '../utils/figureModels';
import { figureState, FigurePanel } from './FigurePanel';

interface Props {
  filter: ComplaintFilter;
  top?: number;
  onPick?: (institutionId: string, provinceCode: string) => void;
  testId?: string;
}

export function SpikesPanel({ filter, top = 8, onPick, testId = 'spikes' }: Props) {
  const { t, lang, formatNumber } = useI18n();
  const q = useQuery(SPIKES, { variables: { filter, top } });
  const spikes = q.data?.spikes ?? [];
  return (
    <FigurePanel
      title={t('spikesTitle')}
      notes={[t('spikesNote')]}
      testId={testId}
      state={figureState(q, spikes.length === 0)}
      onRetry={() => void q.refetch().catch(() => undefined)}
      table={spikesTable(spikes, t, lang)}
      fileStem="spikes"
      from={filter.from}
      to={filter.to}
      minHeight={200}
    >
      <div className="table-wrap">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('col.institution')}</th>
              <th scope="col">{t('province')}</th>
              <th scope="col">{t('col.week')}</th>
              <th scope="col" className="num">
                {t('col.count')}
              </th>
              <th scope="col" className="num">
                {t('col.baseline')}
              </th>
            </tr>
          </thead>
          <tbody>
            {spikes.map((s) => (
              <tr key={`${s.institution.id}-${s.provinceCode}-${s.period}`}>
                <th scope="row">
                  {onPick ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onPick(s.institution.id, s.provinceCode)}
                      aria-label={t('filterBy', {
                        label: `${s.institution.name} · ${regionName(s.provinceCode, lang)}`,
                      })}
                    >
                      {s.institution.name}
                    </button>
                  ) : (
                    s.institution.name
                  )}
                </th>
                <td>{regionName(s.provinceCode, lang)}</td>
                <td>{formatDate(s.period, lang)}</td>
                <td className="num">{formatNumber(s.count)}</td>
                <td className="num">{formatRate(s.baseline, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </FigurePanel>
  );
}
