import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useSession } from '../hooks/useSession';
import { roleLabel } from '../utils/roles';

/** What a user sees on a page their role may not open (or when the API says FORBIDDEN). */
export function NoPermission() {
  const { t, lang } = useI18n();
  const user = useSession();
  useDocumentTitle('forbiddenTitle');
  return (
    <div className="panel">
      <div className="panel-message page-message" role="alert" data-testid="no-permission">
        <p className="panel-message-title">{t('forbiddenTitle')}</p>
        <p className="panel-message-hint">
          {t('forbiddenHint', { role: roleLabel(user.role, lang) })}
        </p>
      </div>
    </div>
  );
}
