import { useEffect } from 'react';
import { useI18n } from './I18nProvider';
import type { MessageKey } from './i18n';

/** Sets the tab title: "用户管理 · 暴力催收投诉监测", or the product name alone. */
export function useDocumentTitle(page: MessageKey | null): void {
  const { t } = useI18n();
  const title = page ? `${t(page)} · ${t('appTitle')}` : t('appTitle');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
