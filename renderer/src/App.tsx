import { localStorageColorSchemeManager, MantineProvider, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createQueryClient, useCall, useServerEvents } from './api/hooks';
import { ErrorAlert, LoadingBlock } from './components/common';
import { applyLanguage } from './i18n';
import { StartPage } from './pages/StartPage';
import { Shell } from './shell/Shell';
import { useSession } from './state/session';
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
  const language = settings.data?.language;
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
  useServerEvents();
  const status = useCall('workspace.status', {});
  const entered = useSession((s) => s.entered);
  let content;
  if (status.error) {
    content = (
      <div style={{ maxWidth: 520, margin: '15vh auto', padding: 16 }}>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </div>
    );
  } else if (!status.data) {
    content = <LoadingBlock h="100vh" />;
  } else if (status.data.isEmpty || !entered) {
    content = <StartPage status={status.data} />;
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
