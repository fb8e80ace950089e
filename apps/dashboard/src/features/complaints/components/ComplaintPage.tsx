// One complaint: what happened (redacted narrative), the categories the complainant declared
// and those the classifier detected, and how the institution handled it.
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import {
  CHANNEL,
  EVIDENCE,
  PRODUCT,
  regionName,
  SOURCE,
  STATUS,
  type Label,
  type Lang,
} from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import { PageSkeleton } from '../../../app/PageBoundary';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useFilters } from '../../trends/hooks/useFilters';
import { formatDate, formatDateTime } from '../../trends/utils/format';
import { COMPLAINT } from '../graphql/complaint';
import { answerTime, categoryRows } from '../utils/complaintView';

const label = (
  vocab: { labels: Readonly<Record<string, Label>> },
  code: string | null,
  lang: Lang,
): string => (code ? (vocab.labels[code]?.[lang] ?? code) : '—');

export default function ComplaintPage() {
  const { t, lang, formatNumber } = useI18n();
  useDocumentTitle('nav.complaints');
  const { id = '' } = useParams();
  const { shared } = useFilters();
  const q = useQuery(COMPLAINT, { variables: { id } });
  const back = `/complaints${shared ? `?${shared}` : ''}`;
  const backLink = (
    <p className="breadcrumb">
      <Link to={back}>{t('backToComplaints')}</Link>
    </p>
  );
  if (q.error && !q.loading) {
    return (
      <div className="panel panel-message page-message" role="alert">
        <p className="panel-message-title">{t('errorTitle')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void q.refetch().catch(() => undefined)}
        >
          {t('retry')}
        </button>
      </div>
    );
  }
  if (!q.data) return <PageSkeleton />;
  const c = q.data.complaint;
  if (!c) {
    return (
      <div
        className="panel panel-message page-message"
        role="alert"
        data-testid="complaint-missing"
      >
        <p className="panel-message-title">{t('complaintNotFound')}</p>
        {backLink}
      </div>
    );
  }
  const answer = answerTime(c.receivedAt, c.respondedAt);
  const cats = categoryRows(c.categoriesDeclared, c.categoriesDetected, lang);
  const list = (codes: string[], vocab: { labels: Readonly<Record<string, Label>> }) =>
    codes.length ? codes.map((x) => label(vocab, x, lang)).join(t('listSeparator')) : t('none');
  return (
    <>
      <div className="page-head">
        <div>
          {backLink}
          <h2 className="page-title" data-testid="complaint-title">
            {t('complaintTitle', { id: c.id })}
          </h2>
          <p className="page-sub">
            {label(SOURCE, c.source, lang)} · {c.externalId}
          </p>
        </div>
      </div>
      <div className="detail-grid">
        <section className="panel detail-panel" aria-labelledby="complaint-facts">
          <h3 id="complaint-facts" className="panel-title">
            {t('complaintFacts')}
          </h3>
          <dl className="facts">
            <dt>{t('col.received')}</dt>
            <dd>{formatDateTime(c.receivedAt, lang, false)}</dd>
            <dt>{t('incidentAt')}</dt>
            <dd>{c.incidentAt ? formatDateTime(c.incidentAt, lang, false) : '—'}</dd>
            <dt>{t('col.institution')}</dt>
            <dd>
              <Link to={`/institutions/${c.institution.id}${shared ? `?${shared}` : ''}`}>
                {c.institution.name}
              </Link>
            </dd>
            <dt>{t('agency')}</dt>
            <dd>{c.agency?.name ?? '—'}</dd>
            <dt>{t('product')}</dt>
            <dd>{label(PRODUCT, c.product, lang)}</dd>
            <dt>{t('province')}</dt>
            <dd>
              {regionName(c.provinceCode, lang)}
              {c.cityCode ? ` · ${regionName(c.cityCode, lang)}` : ''}
            </dd>
            <dt>{t('channels')}</dt>
            <dd>{list(c.channels, CHANNEL)}</dd>
            <dt>{t('amountOwed')}</dt>
            <dd>{c.amountOwed ? formatNumber(Number(c.amountOwed)) : '—'}</dd>
            <dt>{t('overdueDays')}</dt>
            <dd>{c.overdueDays ?? '—'}</dd>
            <dt>{t('evidence')}</dt>
            <dd>{list(c.evidence, EVIDENCE)}</dd>
          </dl>
        </section>
        <section className="panel detail-panel" aria-labelledby="complaint-narrative">
          <h3 id="complaint-narrative" className="panel-title">
            {t('narrative')}
          </h3>
          <p className="panel-note">{t('redactedNote')}</p>
          <p className="narrative" data-testid="complaint-narrative">
            {c.narrative ?? t('noNarrative')}
          </p>
        </section>
        <section className="panel detail-panel" aria-labelledby="complaint-categories">
          <h3 id="complaint-categories" className="panel-title">
            {t('categories')}
          </h3>
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('categories')}</th>
                <th scope="col">{t('declared')}</th>
                <th scope="col">{t('detected')}</th>
              </tr>
            </thead>
            <tbody>
              {cats.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{r.label}</th>
                  <td>{r.declared ? t('yes') : t('no')}</td>
                  <td>{r.detected ? t('yes') : t('no')}</td>
                </tr>
              ))}
              {cats.length === 0 && (
                <tr>
                  <td colSpan={3}>{t('none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
        <section className="panel detail-panel" aria-labelledby="complaint-handling">
          <h3 id="complaint-handling" className="panel-title">
            {t('handlingTitle')}
          </h3>
          <dl className="facts">
            <dt>{t('col.status')}</dt>
            <dd>{label(STATUS, c.status, lang)}</dd>
            <dt>{t('respondedAt')}</dt>
            <dd>
              {c.respondedAt ? formatDateTime(c.respondedAt, lang, false) : t('notAnswered')}
              {answer &&
                ` · ${t('answerDays', { n: answer.days })} · ${answer.timely ? t('timely') : t('late')}`}
            </dd>
            <dt>{t('institutionResponse')}</dt>
            <dd className="narrative">{c.institutionResponse ?? '—'}</dd>
            <dt>{t('receivedDay')}</dt>
            <dd>{formatDate(c.receivedDay, lang)}</dd>
          </dl>
        </section>
      </div>
    </>
  );
}
