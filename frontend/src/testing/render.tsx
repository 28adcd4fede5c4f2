import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { AppProviders } from '../app/providers';
import { routes as appRoutes } from '../app/router';
import { i18n, type Language } from '../lib/i18n';
import type { User } from '@hamgam/shared';
import { createQueryClient } from '../lib/query-client';
import { SESSION_QUERY_KEY } from '../lib/session';
import { makeUser } from './fixtures';

export type RenderOptions = {
  /** The URL to start at; `/` by default. */
  route?: string;
  lng?: Language;
  /** The signed-in user (an admin by default); null renders signed out. */
  session?: User | null;
};

async function renderRoutes(routes: RouteObject[], { route = '/', lng = 'fa', session = makeUser() }: RenderOptions) {
  await i18n.changeLanguage(lng);
  // A fresh cache per test, retries off, so a failing request fails at once.
  const queryClient = createQueryClient({ retry: false });
  if (session) queryClient.setQueryData(SESSION_QUERY_KEY, session);
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, queryClient, router };
}

/** Renders the whole app (layout and routes) at `route`, with i18n in `lng` and a fresh QueryClient. */
export function renderApp(options: RenderOptions = {}) {
  return renderRoutes(appRoutes, options);
}

/** Renders one element with the app's providers and a router around it. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}) {
  return renderRoutes([{ path: '*', element: ui }], options);
}
