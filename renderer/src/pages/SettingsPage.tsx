import {
  Badge,
  Code,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  useMantineColorScheme,
} from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { THEMES, type Theme } from '../../../shared/contract';
import { useCall, useCallMutation } from '../api/hooks';
import { ErrorAlert, Fact, LoadingBlock, PageHeader, SectionTitle } from '../components/common';
import { TemplateEditor } from '../components/descriptions/TemplateEditor';
import { HotFolderSettings } from '../components/photos/HotFolder';
import { PolicyEditor } from '../components/pricing/PolicyEditor';
import { BackupsSection } from '../components/settings/BackupsSection';
import { CatalogueSection } from '../components/settings/CatalogueSection';
import { EbaySection } from '../components/settings/EbaySection';
import { MerchantsSection } from '../components/settings/MerchantsSection';
import { PeopleSection } from '../components/settings/PeopleSection';
import { ShopsSection } from '../components/settings/ShopsSection';
import { useFormat } from '../format';
import { LanguageSwitch } from './StartPage';

const THEME_ICONS = { light: IconSun, dark: IconMoon, auto: IconDeviceDesktop } as const;

function ThemeSwitch() {
  const { t } = useTranslation();
  const settings = useCall('settings.get', {});
  const update = useCallMutation('settings.update');
  const { setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      aria-label={t('settings.theme')}
      data-testid="theme-switch"
      value={update.variables?.theme ?? settings.data?.theme ?? 'auto'}
      onChange={(value) => {
        const theme = value as Theme;
        setColorScheme(theme);
        update.mutate({ theme });
      }}
      data={THEMES.map((theme) => {
        const Icon = THEME_ICONS[theme];
        return {
          value: theme,
          label: (
            <Group gap={6} wrap="nowrap" justify="center">
              <Icon size={14} />
              <span>{t(`settings.themes.${theme}`)}</span>
            </Group>
          ),
        };
      })}
    />
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useCall('workspace.status', {});
  const merchants = useCall('merchants.list', {});

  return (
    <div className="rb-page-scroll" data-testid="page-settings">
      <PageHeader title={t('nav.settings')} />
      <Stack gap="md" maw={1080}>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Paper p="md">
            <SectionTitle>{t('settings.appearance')}</SectionTitle>
            <Stack gap="sm">
              <Stack gap={4}>
                <Text fz="sm" fw={500}>
                  {t('settings.language')}
                </Text>
                <LanguageSwitch size="sm" />
              </Stack>
              <Stack gap={4}>
                <Text fz="sm" fw={500}>
                  {t('settings.theme')}
                </Text>
                <ThemeSwitch />
              </Stack>
            </Stack>
          </Paper>
          <Paper p="md">
            <SectionTitle>{t('settings.workspace')}</SectionTitle>
            {status.error ? (
              <ErrorAlert error={status.error} />
            ) : !status.data ? (
              <LoadingBlock h={100} />
            ) : (
              <Stack gap="sm">
                <Fact label={t('settings.dataFolder')}>
                  <Code data-testid="data-folder" style={{ overflowWrap: 'anywhere' }}>
                    {status.data.dataDir}
                  </Code>
                </Fact>
                <SimpleGrid cols={3} spacing="sm">
                  <Fact label={t('settings.schemaVersion')}>
                    <span data-testid="schema-version">{status.data.schemaVersion}</span>
                  </Fact>
                  <Fact label={t('settings.appVersion')}>{status.data.appVersion}</Fact>
                  <Fact label={t('settings.items')}>{f.number(status.data.itemCount)}</Fact>
                </SimpleGrid>
                {status.data.isDemo ? (
                  <Badge color="yellow" variant="light" w="fit-content">
                    {t('shell.demoBadge')}
                  </Badge>
                ) : null}
              </Stack>
            )}
          </Paper>
        </SimpleGrid>

        <BackupsSection />

        <Paper p="md" data-testid="photo-desk-settings">
          <SectionTitle>{t('photoDesk.settings.title')}</SectionTitle>
          <HotFolderSettings />
        </Paper>

        <Paper p="md" data-testid="pricing-policies">
          <SectionTitle>{t('pricing.policy.title')}</SectionTitle>
          {merchants.data ? <PolicyEditor merchants={merchants.data} /> : <LoadingBlock h={80} />}
        </Paper>

        <Paper p="md" data-testid="merchants-catalogue">
          <SectionTitle>{t('catalogue.title')}</SectionTitle>
          {merchants.error ? (
            <ErrorAlert error={merchants.error} onRetry={() => void merchants.refetch()} />
          ) : !merchants.data ? (
            <LoadingBlock h={80} />
          ) : (
            <Stack gap="xl">
              <MerchantsSection merchants={merchants.data} />
              <CatalogueSection merchants={merchants.data} />
            </Stack>
          )}
        </Paper>

        {merchants.data ? <EbaySection merchants={merchants.data} /> : null}

        {merchants.data ? <ShopsSection merchants={merchants.data} /> : null}

        <TemplateEditor />

        <PeopleSection />
      </Stack>
    </div>
  );
}
