import { Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazyPage';

const inSuspense = (Page: () => React.ReactNode) =>
  renderToString(
    <Suspense fallback={<p>loading</p>}>
      <Page />
    </Suspense>,
  );

describe('lazyPage', () => {
  it('renders a page whose code has arrived at once, without the skeleton', async () => {
    const Page = lazyPage(() => Promise.resolve({ default: () => <p>page</p> }));
    Page.preload();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const html = inSuspense(Page);
    expect(html).toContain('<p>page</p>');
    expect(html).not.toContain('loading');
  });

  it('shows the skeleton while the code is on its way', () => {
    const Page = lazyPage(() => new Promise(() => undefined));
    const html = inSuspense(Page);
    expect(html).toContain('loading');
    expect(html).not.toContain('page');
  });

  it('asks for the code once, however often it is preloaded and rendered', async () => {
    let calls = 0;
    const Page = lazyPage(() => {
      calls++;
      return Promise.resolve({ default: () => <p>page</p> });
    });
    Page.preload();
    Page.preload();
    inSuspense(Page);
    await new Promise((resolve) => setTimeout(resolve, 0));
    inSuspense(Page);
    expect(calls).toBe(1);
  });
});
