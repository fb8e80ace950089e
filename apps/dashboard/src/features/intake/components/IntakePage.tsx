// Intake (ADMIN, OPERATOR): a complaint received by phone, entered as the caller speaks;
// on success its reference, and a fresh form for the next call.
import { useCallback, useState } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { NoPermission } from '../../auth/components/NoPermission';
import type { SubmittedComplaint } from '../graphql/submitComplaint';
import { IntakeForm } from './IntakeForm';
import { IntakeSuccess } from './IntakeSuccess';

export default function IntakePage() {
  const { t } = useI18n();
  useDocumentTitle('intakeTitle');
  const [submitted, setSubmitted] = useState<SubmittedComplaint | null>(null);
  // A new key gives a new, empty form (received-at set to the time of the next call).
  const [formKey, setFormKey] = useState(0);
  const [forbidden, setForbidden] = useState(false);
  const onForbidden = useCallback(() => setForbidden(true), []);

  if (forbidden) return <NoPermission />;

  return (
    <>
      <header className="page-head">
        <h2 className="page-title">{t('intakeTitle')}</h2>
        <p className="page-sub">{t('intakeIntro')}</p>
      </header>
      {submitted ? (
        <IntakeSuccess
          complaint={submitted}
          onNew={() => {
            setSubmitted(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <section className="panel">
          <IntakeForm key={formKey} onSubmitted={setSubmitted} onForbidden={onForbidden} />
        </section>
      )}
    </>
  );
}
