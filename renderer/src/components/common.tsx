import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { keyOnThisKeyboard, namedKey } from '../keys';

/** The title row every screen starts with: title, a line of context, and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md" mb="sm">
      <Stack gap={2} miw={0}>
        <Title order={1}>{title}</Title>
        {subtitle ? (
          <Text fz="sm" c="dimmed" component="div">
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {children ? (
        <Group gap="xs" wrap="nowrap">
          {children}
        </Group>
      ) : null}
    </Group>
  );
}

/** Arrow keys read better as drawn arrows than as text glyphs at this size. */
const KEY_ICONS: Readonly<Record<string, ReactNode>> = {
  '←': <IconArrowLeft size={11} stroke={2.2} style={{ display: 'block' }} />,
  '→': <IconArrowRight size={11} stroke={2.2} style={{ display: 'block' }} />,
};

/**
 * Key caps, from key ids: named keys ('Enter', 'Ctrl', 'Shift', 'Delete', 'Space', 'Escape'…, see
 * `NAMED_KEYS` in renderer/src/keys.ts) are written as the person's language names them (Entrée,
 * Maj, Suppr; Eingabe, Umschalt, Entf), letters, digits and arrows as they are; Ctrl is ⌘ on a Mac.
 */
const ON_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export function Keys({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={3} wrap="nowrap" component="span">
      {keys.map((key) => {
        const named = namedKey(keyOnThisKeyboard(key, ON_MAC));
        const label = named ? t(`keys.${named}`) : key;
        return (
          <Kbd key={key} size="xs" aria-label={label}>
            {KEY_ICONS[key] ?? label}
          </Kbd>
        );
      })}
    </Group>
  );
}

/** A tooltip that names the action and shows its key, so every shortcut can be discovered. */
export function ShortcutTooltip({
  label,
  keys,
  children,
}: {
  label: string;
  keys: readonly string[];
  children: ReactElement;
}) {
  return (
    <Tooltip
      label={
        <Group gap={6} wrap="nowrap">
          <span>{label}</span>
          <Keys keys={keys} />
        </Group>
      }
    >
      {children}
    </Tooltip>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('common.errorTitle')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{errorMessage(error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function LoadingBlock({ h = 160 }: { h?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center h={h} aria-busy="true">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

/** A label and its value, in the dense two-line form used in fact panels. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={0} miw={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text fz="sm" component="div" miw={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function SectionTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" mb={6} wrap="nowrap">
      <Title order={3}>{children}</Title>
      {right}
    </Group>
  );
}

/**
 * A table in a panel that is as tall as its rows and never taller than the screen: the rows
 * scroll under a sticky header, and the footer (counts, paging) stays in view.
 */
export function TablePanel({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <Paper
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: '0 1 auto', overflow: 'hidden' }}
    >
      <Box style={{ overflow: 'auto', minHeight: 0, flex: '0 1 auto' }}>{children}</Box>
      {footer ? (
        <Group
          justify="space-between"
          px="sm"
          py={6}
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', flex: 'none' }}
        >
          {footer}
        </Group>
      ) : null}
    </Paper>
  );
}
