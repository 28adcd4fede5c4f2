import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { RecordsPage } from '../features/records/components/records-page';
import { RequireAdmin } from './require-admin';
import { RequireSession } from './require-session';
import { AuditRoute } from './routes/audit-route';
import { DashboardRoute } from './routes/dashboard-route';
import { HistoryRoute } from './routes/history-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RunDetailsRoute } from './routes/run-details-route';
import { UsersRoute } from './routes/users-route';

export const routes: RouteObject[] = [
  { path: 'login', element: <LoginRoute /> },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'history', element: <HistoryRoute /> },
      { path: 'runs/:id', element: <RunDetailsRoute /> },
      { path: 'sources/:id/records', element: <RecordsPage /> },
      { path: 'audit', element: <AuditRoute /> },
      {
        path: 'users',
        element: (
          <RequireAdmin>
            <UsersRoute />
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
