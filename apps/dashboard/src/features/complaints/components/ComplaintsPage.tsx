// The filtered complaint list, newest first, with narrative search (Chinese and English) and
// paging; a row opens the complaint.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { regionName, STATUS } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { FigurePanel, figureState } from '../../analysis/components/FigurePanel';
import { FilterBar } from '../../trends/components/FilterBar';
import { useFilters } from '../../trends/hooks/useFilters';
import { formatDate } from '../../trends/utils/format';
import { MAX_SEARCH } from '../../trends/utils/urlState';
import { COMPLAINTS } from '../graphql/complaints';
import { categoryLabels, excerpt } from '../utils/complaintView';

const PAGE_SIZE = 25;

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label className="field-label" htmlFor="complaint-search">
        {t('searchNarratives')}
      </label>
      <div className="search-row">
        <input
          id="complaint-search"
          data-testid="complaint-search"
          type="search"
          value={draft}
          maxLength={MAX_SEARCH}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button button-primary">
          {t('search')}
        </button>
      </div>
      <p className="field-hint">{t('searchHint')}</p>
    </form>
  );
}

function ComplaintList({ q }: { q: string }) {
  const { t, lang, formatNumber } = useI18n();
  const { filter, shared } = useFilters();
  // Cursors of the pages before this one: Back pops one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const list = useQuery(COMPLAINTS, {
    variables: { filter, first: PAGE_SIZE, after, search: q || null },
  });
  const conn = list.data?.complaints;
  const edges = conn?.edges ?? [];
  const page = cursors.length;
  const suffix = shared ? `?${shared}` : '';
  return (
    <FigurePanel
      title={q ? t('complaintsFound', { q }) : t('complaintsList')}
      subtitle={
        conn
          ? t('complaintsCount', {
              n: formatNumber(conn.totalCount),
              page,
              pages: formatNumber(Math.max(1, Math.ceil(conn.totalCount / PAGE_SIZE))),
            })
          : undefined
      }
      testId="complaint-list"
      state={figureState(list, edges.length === 0)}
      onRetry={() => void list.refetch().catch(() => undefined)}
      table={{
        headers: [
          t('col.received'),
          t('col.institution'),
          `${t('province')} / ${t('city')}`,
          t('categories'),
          t('col.status'),
          t('narrative'),
        ],
        rows: edges.map(({ node: c }) => [
          c.receivedDay,
          c.institution.name,
          regionName(c.cityCode ?? c.provinceCode, lang),
          categoryLabels(c.categories, lang).join(t('listSeparator')),
          STATUS.is(c.status) ? STATUS.labels[c.status][lang] : c.status,
          excerpt(c.narrative, 200),
        ]),
      }}
      fileStem={`complaints-page-${page}`}
      from={filter.from}
      to={filter.to}
      minHeight={480}
    >
      <div className="table-wrap table-tall">
        <table className="data-table complaint-table">
          <caption className="visually-hidden">{t('complaintsList')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.received')}</th>
              <th scope="col">{t('col.institution')}</th>
              <th scope="col">{`${t('province')} / ${t('city')}`}</th>
              <th scope="col">{t('categories')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('narrative')}</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node: c }) => (
              <tr key={c.id} data-testid="complaint-row">
                <td className="nowrap">
                  <Link to={`/complaints/${c.id}${suffix}`}>{formatDate(c.receivedDay, lang)}</Link>
                </td>
                <td>{c.institution.name}</td>
                <td>{regionName(c.cityCode ?? c.provinceCode, lang)}</td>
                <td>{categoryLabels(c.categories, lang).join(t('listSeparator'))}</td>
                <td>{STATUS.is(c.status) ? STATUS.labels[c.status][lang] : c.status}</td>
                <td className="excerpt">{excerpt(c.narrative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('pager')}>
        <button
          type="button"
          className="button"
          disabled={page <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('previousPage')}
        </button>
        <span>{t('pageN', { n: page })}</span>
        <button
          type="button"
          className="button"
          data-testid="next-page"
          disabled={!conn?.pageInfo.hasNextPage}
          onClick={() => {
            const end = conn?.pageInfo.endCursor;
            if (end) setCursors((c) => [...c, end]);
          }}
        >
          {t('nextPage')}
        </button>
      </nav>
    </FigurePanel>
  );
}

export default function ComplaintsPage() {
  const { t } = useI18n();
  useDocumentTitle('nav.complaints');
  const filters = useFilters();
  const q = filters.state.q;
  return (
    <>
      <div className="page-head">
        <h2 className="page-title">{t('complaintsTitle')}</h2>
        <p className="page-sub">{t('complaintsSub')}</p>
      </div>
      <FilterBar filters={filters}>
        <SearchBox value={q} onSearch={(next) => filters.update({ q: next })} />
      </FilterBar>
      {/* A new filter or search starts again at the first page. */}
      <ComplaintList key={`${filters.shared}|${q}`} q={q} />
    </>
  );
}
