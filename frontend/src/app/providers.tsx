import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { LiveUpdatesProvider } from '../features/sync/components/live-updates-provider';
import { i18n } from '../lib/i18n';

export type AppProvidersProps = { queryClient: QueryClient; children: ReactNode };

export function AppProviders({ queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LiveUpdatesProvider>{children}</LiveUpdatesProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
