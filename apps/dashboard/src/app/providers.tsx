import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { loginPath } from '../features/auth/utils/redirect';
import { createApolloClient } from './apollo';
import { langFromSearch } from './lang';

/**
 * The Apollo client, inside the router: when any request finds the session gone, the
 * sign-in page opens, asked to come back here; it empties the cache (which holds what the
 * last user could see) as it mounts.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);

  const [client] = useState(() =>
    createApolloClient({
      onUnauthenticated: () => {
        const { pathname, search } = window.location;
        if (pathname === '/login') return;
        navigateRef.current(loginPath(`${pathname}${search}`, langFromSearch(search)), {
          replace: true,
        });
      },
    }),
  );

  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}
