import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/I18nProvider';
import { useDocumentTitle } from '../../../app/useDocumentTitle';

export function NotFound() {
  const { t, href } = useI18n();
  useDocumentTitle('notFoundTitle');
  return (
    <div className="panel">
      <div className="panel-message page-message">
        <p className="panel-message-title">{t('notFoundTitle')}</p>
        <Link className="button button-primary" to={href('/')}>
          {t('backToTrends')}
        </Link>
      </div>
    </div>
  );
}
