// After a complaint was recorded: its reference, the categories kept (the operator's and
// the classifier's), and the way to the next call.
import { useEffect, useRef } from 'react';
import { CATEGORY } from '@cw/domain';
import { useI18n } from '../../../app/I18nProvider';
import type { SubmittedComplaint } from '../graphql/submitComplaint';

export function IntakeSuccess({
  complaint,
  onNew,
}: {
  complaint: SubmittedComplaint;
  onNew: () => void;
}) {
  const { t, lang } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const names = (codes: readonly string[]) =>
    codes.length === 0
      ? t('none')
      : codes.map((c) => (CATEGORY.is(c) ? CATEGORY.labels[c][lang] : c)).join(t('listSeparator'));
  const detectedOnly = complaint.categoriesDetected.filter(
    (c) => !complaint.categoriesDeclared.includes(c),
  );

  return (
    <section
      className="panel intake-success"
      data-testid="intake-success"
      data-id={complaint.id}
      data-external-id={complaint.externalId}
      aria-labelledby="intake-success-title"
    >
      <div className="intake-success-mark" aria-hidden="true">
        ✓
      </div>
      <div className="intake-success-body">
        <h3 id="intake-success-title" className="panel-title" tabIndex={-1} ref={headingRef}>
          {t('intakeSuccessTitle')}
        </h3>
        <p className="intake-success-ref">
          {t('intakeSuccessRef')}
          <strong className="code intake-ref">{complaint.externalId}</strong>
        </p>
        <p className="panel-sub">
          {t('intakeSuccessCategories', { list: names(complaint.categories) })}
        </p>
        {detectedOnly.length > 0 && (
          <p className="panel-sub">{t('intakeSuccessDetected', { list: names(detectedOnly) })}</p>
        )}
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="intake-new"
            onClick={onNew}
          >
            {t('newComplaint')}
          </button>
        </div>
      </div>
    </section>
  );
}
