// Imports (ADMIN, OPERATOR): send a file of complaints, watch it being read, see what was
// inserted, updated or rejected (with the rejected rows), and the history of past imports.
import { useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { hasErrorCode } from '../../../app/errors';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { NoPermission } from '../../auth/components/NoPermission';
import { loginPath } from '../../auth/utils/redirect';
import { useImportHistory } from '../hooks/useImportHistory';
import { useImportRun } from '../hooks/useImportRun';
import { useImportUpload } from '../hooks/useImportUpload';
import { isFinalStatus } from '../utils/importProgress';
import { uploadFailureMessage } from '../utils/uploadRequest';
import { ImportForm } from './ImportForm';
import { ImportHistory } from './ImportHistory';
import { ImportRunView, UploadProgress } from './ImportRunView';

export default function ImportsPage() {
  const { t, lang, urlLang } = useI18n();
  useDocumentTitle('importsTitle');
  const location = useLocation();
  const history = useImportHistory();
  const { state, start, cancel, reset } = useImportUpload();
  const [filename, setFilename] = useState('');
  const run = useImportRun(state.phase === 'accepted' ? state.result : null);

  // The history shows a run as soon as it is accepted, and again once it has ended.
  const { refresh } = history;
  const runKey = run ? `${run.id}:${isFinalStatus(run.status)}` : null;
  useEffect(() => {
    if (runKey) refresh();
  }, [runKey, refresh]);

  const failure = state.phase === 'failed' ? state.failure : null;
  if (failure?.kind === 'unauthenticated') {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`, urlLang)} replace />;
  }
  if (failure?.kind === 'forbidden' || run?.forbidden || hasErrorCode(history.error, 'FORBIDDEN')) {
    return <NoPermission />;
  }

  const busy =
    state.phase === 'uploading' || (run !== null && !isFinalStatus(run.status) && !run.notFound);
  const failureText = failure ? uploadFailureMessage(failure, lang) : null;

  return (
    <>
      <header className="page-head">
        <h2 className="page-title">{t('importsTitle')}</h2>
        <p className="page-sub">{t('importsIntro')}</p>
      </header>
      <section className="panel import-panel" aria-label={t('importsTitle')}>
        <ImportForm
          busy={busy}
          onFileChange={reset}
          onSubmit={(file, format, source) => {
            setFilename(file.name);
            start(file, format, source);
          }}
        />
        {state.phase !== 'idle' && (
          <div className="import-status">
            {state.phase === 'uploading' && (
              <UploadProgress loaded={state.loaded} total={state.total} onCancel={cancel} />
            )}
            {failureText && (
              <p className="form-error" role="alert" data-testid="import-error">
                {failureText}
              </p>
            )}
            {state.phase === 'cancelled' && (
              <p className="panel-note" role="status">
                {t('uploadCancelled')}
              </p>
            )}
            {run && <ImportRunView run={run} filename={filename} />}
          </div>
        )}
      </section>
      <ImportHistory history={history} />
    </>
  );
}
