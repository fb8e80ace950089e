// A page whose code loads on first use, like React.lazy, that renders at once when its code
// has already arrived. React.lazy suspends on its first render even then (it waits for the
// import's promise), and React then holds the page back behind the skeleton for up to
// 300 ms (Suspense throttling): on a first visit, the page the visit opens on is loaded
// beside the session check and is ready before the check answers.
import { lazy, type ComponentType, type JSX } from 'react';

export interface LazyPage {
  (): JSX.Element;
  /** Starts loading the page's code (once); the page shows a failure when it renders. */
  preload: () => void;
}

export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | null = null;
  let loading: Promise<{ default: ComponentType }> | null = null;
  const start = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(start);
  const Page = () => {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
  Page.preload = () => void start().catch(() => undefined);
  return Page;
}
