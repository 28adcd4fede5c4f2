import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { RequireAdmin } from './require-admin';
import { RequireSession } from './require-session';
import { DashboardRoute } from './routes/dashboard-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';

// The dashboard and sign-in come with the first load; the other pages (charts, the date picker, exports) are
// fetched when first opened, which keeps the first download small.

export const routes: RouteObject[] = [
  { path: 'login', element: <LoginRoute /> },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'history', lazy: async () => ({ Component: (await import('./routes/history-route')).HistoryRoute }) },
      { path: 'runs/:id', lazy: async () => ({ Component: (await import('./routes/run-details-route')).RunDetailsRoute }) },
      { path: 'crm', lazy: async () => ({ Component: (await import('../features/crm/components/crm-page')).CrmPage }) },
      { path: 'sources/:id/records', lazy: async () => ({ Component: (await import('./routes/records-route')).RecordsRoute }) },
      { path: 'alerts', lazy: async () => ({ Component: (await import('../features/alerts/components/alerts-page')).AlertsPage }) },
      { path: 'calendar', lazy: async () => ({ Component: (await import('../features/calendar/components/calendar-page')).CalendarPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('./routes/audit-route')).AuditRoute }) },
      {
        path: 'users',
        lazy: async () => {
          const { UsersRoute } = await import('./routes/users-route');
          return {
            Component: () => (
              <RequireAdmin>
                <UsersRoute />
              </RequireAdmin>
            ),
          };
        },
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
