import { localStorageColorSchemeManager, MantineProvider, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createQueryClient, useCall, useServerEvents } from './api/hooks';
import { ErrorAlert, LoadingBlock } from './components/common';
import { applyLanguage, systemLanguage } from './i18n';
import { StartPage } from './pages/StartPage';
import { Shell } from './shell/Shell';
import { theme } from './theme';

// The last scheme is remembered per window so the first paint already has the right colours;
// the workspace setting then confirms or corrects it.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'rebound.color-scheme' });

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" limit={4} />
        <Root />
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** Applies the workspace's language and theme whenever they load or change. */
function SettingsSync() {
  const settings = useCall('settings.get', {});
  const { setColorScheme } = useMantineColorScheme();
  // null: nobody chose a language for the workspace, so this window shows its system's.
  const language = settings.data ? (settings.data.language ?? systemLanguage()) : undefined;
  const scheme = settings.data?.theme;
  useEffect(() => {
    if (language) void applyLanguage(language);
  }, [language]);
  useEffect(() => {
    if (scheme) setColorScheme(scheme);
  }, [scheme, setColorScheme]);
  return null;
}

function Root() {
  const start = useCall('session.me', {});
  if (start.error) {
    return (
      <div style={{ maxWidth: 520, margin: '15vh auto', padding: 16 }}>
        <ErrorAlert error={start.error} onRetry={() => void start.refetch()} />
      </div>
    );
  }
  if (!start.data) return <LoadingBlock h="100vh" />;
  if (!start.data.me) return <StartPage start={start.data} />;
  // Keyed by session: signing in as someone else starts from a clean slate.
  return <SignedIn key={start.data.me.sessionId} />;
}

/** Everything after sign-in: the server's events, the workspace's settings, the app. */
function SignedIn() {
  useServerEvents();
  const status = useCall('workspace.status', {});
  let content;
  if (status.error) {
    content = (
      <div style={{ maxWidth: 520, margin: '15vh auto', padding: 16 }}>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </div>
    );
  } else if (!status.data) {
    content = <LoadingBlock h="100vh" />;
  } else {
    content = <Shell status={status.data} />;
  }
  return (
    <>
      <SettingsSync />
      {content}
    </>
  );
}
