import { ActionIcon, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import {
  IconDevices,
  IconKey,
  IconPlus,
  IconQrcode,
  IconUserCheck,
  IconUserCog,
  IconUserOff,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant, PersonView } from '../../../../../shared/contract';
import { useCall } from '../../../api/hooks';
import { useFormat } from '../../../format';
import { useMe } from '../../../state/me';
import { ErrorAlert, LoadingBlock } from '../../common';
import { DisableModal, ResetPasswordModal, SessionsModal } from './PersonActions';
import { PairPhoneModal } from './PairPhone';
import { PersonModal } from './PersonModal';
import { RoleBadge } from './shared';

/** What the admin has open: one modal at a time, keyed so each opening starts afresh. */
type Open =
  | { readonly kind: 'add'; readonly key: number }
  | {
      readonly kind: 'edit' | 'password' | 'disable' | 'sessions' | 'pair';
      readonly person: PersonView;
      readonly key: number;
    };

function RowAction({
  label,
  icon: IconComponent,
  color,
  onClick,
  testId,
}: {
  label: string;
  icon: Icon;
  color?: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick} data-testid={testId}>
        <IconComponent size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

function PersonRow({
  person,
  isMe,
  merchantName,
  onOpen,
}: {
  person: PersonView;
  isMe: boolean;
  merchantName: ReadonlyMap<number, string>;
  onOpen: (kind: 'edit' | 'password' | 'disable' | 'sessions' | 'pair') => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.Tr data-person={person.name}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text fz="sm" fw={500} c={person.disabled ? 'dimmed' : undefined}>
            {person.name}
          </Text>
          {isMe ? (
            <Badge size="sm" variant="outline" color="gray">
              {t('settings.people.you')}
            </Badge>
          ) : null}
          {person.disabled ? (
            <Badge size="sm" variant="light" color="gray" data-testid="person-disabled">
              {t('settings.people.disabled')}
            </Badge>
          ) : null}
        </Group>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={person.role} />
      </Table.Td>
      <Table.Td data-testid="person-merchants-cell">
        {person.role === 'approver' ? (
          <Text fz="sm">{person.merchantIds.map((id) => merchantName.get(id) ?? `#${id}`).join(', ')}</Text>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('settings.people.everyMerchant')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {person.lastSeenAt ? (
          <Tooltip label={f.dateTime(person.lastSeenAt)}>
            <Text fz="sm" w="fit-content">
              {f.relative(person.lastSeenAt)}
            </Text>
          </Tooltip>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('settings.people.neverSeen')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap" justify="flex-end">
          <RowAction
            label={t('settings.people.actions.edit')}
            icon={IconUserCog}
            onClick={() => onOpen('edit')}
            testId="person-edit"
          />
          <RowAction
            label={t('settings.people.actions.resetPassword')}
            icon={IconKey}
            onClick={() => onOpen('password')}
            testId="person-reset-password"
          />
          {person.disabled ? null : (
            <RowAction
              label={t('settings.people.actions.pair')}
              icon={IconQrcode}
              onClick={() => onOpen('pair')}
              testId="person-pair"
            />
          )}
          <RowAction
            label={t('settings.people.actions.sessions')}
            icon={IconDevices}
            onClick={() => onOpen('sessions')}
            testId="person-sessions"
          />
          {/* Nobody disables themselves (the server refuses): another admin does. */}
          {isMe ? null : person.disabled ? (
            <RowAction
              label={t('settings.people.actions.enable')}
              icon={IconUserCheck}
              color="green"
              onClick={() => onOpen('disable')}
              testId="person-enable"
            />
          ) : (
            <RowAction
              label={t('settings.people.actions.disable')}
              icon={IconUserOff}
              color="red"
              onClick={() => onOpen('disable')}
              testId="person-disable"
            />
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** For an admin: everyone who may sign in, and what can be done about each of them. */
export function PeopleTable() {
  const { t } = useTranslation();
  const me = useMe();
  const people = useCall('people.list', {});
  const merchants = useCall('merchants.list', {});
  const [open, setOpen] = useState<Open | null>(null);
  const merchantList: readonly Merchant[] = merchants.data ?? [];
  const merchantName = new Map(merchantList.map((m) => [m.id, m.name]));
  const close = () => setOpen(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fz="sm" c="dimmed">
          {t('settings.people.intro')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setOpen({ kind: 'add', key: Date.now() })}
          style={{ flex: 'none' }}
          data-testid="add-person"
        >
          {t('settings.people.add')}
        </Button>
      </Group>
      {people.error ? (
        <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : !people.data ? (
        <LoadingBlock h={100} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="people-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.people.columns.name')}</Table.Th>
                <Table.Th>{t('settings.people.columns.role')}</Table.Th>
                <Table.Th>{t('settings.people.columns.merchants')}</Table.Th>
                <Table.Th>{t('settings.people.columns.lastSeen')}</Table.Th>
                <Table.Th w={1} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.map((person) => (
                <PersonRow
                  key={person.id}
                  person={person}
                  isMe={person.id === me?.id}
                  merchantName={merchantName}
                  onOpen={(kind) => setOpen({ kind, person, key: Date.now() })}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open?.kind === 'add' ? (
        <PersonModal key={open.key} person={null} merchants={merchantList} onClose={close} />
      ) : open?.kind === 'edit' ? (
        <PersonModal key={open.key} person={open.person} merchants={merchantList} onClose={close} />
      ) : open?.kind === 'password' ? (
        <ResetPasswordModal key={open.key} person={open.person} onClose={close} />
      ) : open?.kind === 'disable' ? (
        <DisableModal key={open.key} person={open.person} onClose={close} />
      ) : open?.kind === 'sessions' ? (
        <SessionsModal key={open.key} person={open.person} onClose={close} />
      ) : open?.kind === 'pair' ? (
        <PairPhoneModal key={open.key} person={open.person} onClose={close} />
      ) : null}
    </Stack>
  );
}
