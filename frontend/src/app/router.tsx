import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { RecordsPage } from '../features/records/components/records-page';
import { AppLayout } from './layout';
import { DashboardRoute } from './routes/dashboard-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RunDetailsRoute } from './routes/run-details-route';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'runs/:id', element: <RunDetailsRoute /> },
      { path: 'sources/:id/records', element: <RecordsPage /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
