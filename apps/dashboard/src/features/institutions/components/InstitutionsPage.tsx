// Institutions ranked: count, per-10,000-borrower rate, change against the previous period,
// share answered within 15 days; sortable (the sort is in the URL). A name opens the
// institution's page; the filter button adds it to the filter.
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { FigurePanel, figureState } from '../../analysis/components/FigurePanel';
import { HANDLING } from '../../analysis/graphql/handling';
import { langVar, RANKING } from '../../analysis/graphql/ranking';
import { formatChange, formatRate, formatShare } from '../../analysis/utils/figures';
import { decimalCell, percentCell } from '../../analysis/utils/table';
import { FilterBar } from '../../trends/components/FilterBar';
import { useFilters } from '../../trends/hooks/useFilters';
import { SORT_KEYS, type SortKey } from '../../trends/utils/urlState';
import { joinInstitutionRows, rankOrderFor, sortInstitutionRows } from '../utils/institutionRows';

const TOP = 50;

export default function InstitutionsPage() {
  const { t, lang, formatNumber } = useI18n();
  useDocumentTitle('nav.institutions');
  const filters = useFilters();
  const { filter, state, update, addFilter, shared } = filters;
  const sort = state.sort;
  const ranking = useQuery(RANKING, {
    variables: {
      dimension: 'INSTITUTION',
      orderBy: rankOrderFor(sort),
      top: TOP,
      filter,
      lang: langVar(lang),
    },
  });
  const handling = useQuery(HANDLING, { variables: { filter, top: 100 } });
  const rows = sortInstitutionRows(
    joinInstitutionRows(ranking.data?.ranking.rows ?? [], handling.data?.handling ?? []),
    sort,
  );
  const q = {
    loading: ranking.loading || handling.loading,
    error: ranking.error ?? handling.error,
    data: ranking.data && handling.data,
  };
  const headers: Record<SortKey, string> = {
    count: t('col.count'),
    rate: t('col.ratePer10k'),
    change: t('col.changePct'),
    timely: t('col.timelyPct'),
  };
  const link = (id: string) => `/institutions/${id}${shared ? `?${shared}` : ''}`;
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">{t('institutionsTitle')}</h2>
        <p className="page-sub">{t('institutionsSub')}</p>
      </div>
      <FilterBar filters={filters} />
      <FigurePanel
        title={t('institutionsTable')}
        subtitle={t('institutionsTableSub', { n: TOP, order: headers[sort] })}
        notes={[t('changeNote'), t('timelyNote'), t('rate10kNote')]}
        testId="institutions-table"
        state={figureState(q, rows.length === 0)}
        onRetry={() => {
          void ranking.refetch().catch(() => undefined);
          void handling.refetch().catch(() => undefined);
        }}
        table={{
          headers: [t('col.institution'), ...SORT_KEYS.map((k) => headers[k])],
          rows: rows.map((r) => [
            r.name,
            r.count,
            decimalCell(r.rate),
            percentCell(r.change),
            percentCell(r.timelyShare),
          ]),
        }}
        fileStem={`institutions-by-${sort}`}
        from={filter.from}
        to={filter.to}
        minHeight={400}
      >
        <div className="table-wrap table-tall">
          <table className="data-table sortable">
            <caption className="visually-hidden">{t('institutionsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('col.institution')}</th>
                {SORT_KEYS.map((k) => (
                  <th
                    key={k}
                    scope="col"
                    className="num"
                    aria-sort={sort === k ? (k === 'timely' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`sort-${k}`}
                      onClick={() => update({ sort: k })}
                    >
                      {headers[k]}
                      <span aria-hidden="true">
                        {sort === k ? (k === 'timely' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.id} data-testid="institution-row">
                  <td>{i + 1}</td>
                  <th scope="row">
                    <Link to={link(r.id)}>{r.name}</Link>
                  </th>
                  <td className="num">{formatNumber(r.count)}</td>
                  <td className="num">{formatRate(r.rate, lang)}</td>
                  <td className="num">{formatChange(r.change, lang)}</td>
                  <td className="num">{formatShare(r.timelyShare, lang)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('filterBy', { label: r.name })}
                      onClick={() => addFilter('institutionIds', r.id)}
                    >
                      {t('addFilter')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </FigurePanel>
    </>
  );
}
