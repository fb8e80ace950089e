// Pages are lazy-loaded: while a page's code arrives a skeleton holds its place, and if it
// cannot be fetched (offline, a new deploy) the page says so instead of going blank.
import { Component, Suspense, type ReactNode } from 'react';
import { useI18n } from './I18nProvider';

export class ChunkBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Grey blocks where a page will be; no text that could be wrong once it loads. */
export function PageSkeleton({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="page-skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label ?? t('loading')}</span>
      <div className="skeleton skeleton-bar" aria-hidden="true" />
      <div className="skeleton skeleton-block" aria-hidden="true" />
    </div>
  );
}

export function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <div className="panel">
      <div className="panel-message page-message" role="alert">
        <p className="panel-message-title">{t('pageLoadFailed')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {t('reload')}
        </button>
      </div>
    </div>
  );
}

/** A lazy page; `frame` wraps the skeleton and the error for a page without the shell. */
export function Page({
  children,
  frame = (content) => content,
}: {
  children: ReactNode;
  frame?: (content: ReactNode) => ReactNode;
}) {
  return (
    <ChunkBoundary fallback={frame(<PageLoadFailed />)}>
      <Suspense fallback={frame(<PageSkeleton />)}>{children}</Suspense>
    </ChunkBoundary>
  );
}
