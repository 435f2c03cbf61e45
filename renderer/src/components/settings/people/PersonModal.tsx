import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merchant, PersonView } from '../../../../../shared/contract';
import { ROLES, type Role } from '../../../../../shared/domain/status';
import { errorMessage } from '../../../api/client';
import { useCallMutation } from '../../../api/hooks';
import { FormError, NewPasswordFields, usePasswordChecks } from './shared';

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

/**
 * Adds a person (`person` null: name, role, merchants, password) or changes one's role and
 * merchants. Merchants matter only to an approver, who needs at least one.
 */
export function PersonModal({
  person,
  merchants,
  onClose,
}: {
  person: PersonView | null;
  merchants: readonly Merchant[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useCallMutation('people.add');
  const update = useCallMutation('people.update');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(person?.role ?? 'staff');
  const [merchantIds, setMerchantIds] = useState<string[]>(() => (person?.merchantIds ?? []).map(String));
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const checks = usePasswordChecks(password, again, tried);

  const approver = role === 'approver';
  const nameError = tried && !person && name.trim() === '' ? t('settings.people.nameRequired') : null;
  const merchantsError =
    tried && approver && merchantIds.length === 0 ? t('settings.people.merchantsRequired') : null;

  const save = async () => {
    setTried(true);
    setFailure(null);
    const ids = approver ? merchantIds.map(Number) : [];
    if (approver && ids.length === 0) return;
    try {
      if (person) {
        await update.mutateAsync({ id: person.id, role, merchantIds: ids });
        notifications.show({ color: 'green', message: t('settings.people.saved', { name: person.name }) });
      } else {
        if (name.trim() === '' || !checks.ok) return;
        const added = await add.mutateAsync({ name: name.trim(), role, merchantIds: ids, password });
        notifications.show({ color: 'green', message: t('settings.people.added', { name: added.name }) });
      }
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={person ? t('settings.people.editTitle', { name: person.name }) : t('settings.people.addTitle')}
      data-testid="person-modal"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          {person ? null : (
            <>
              <Text fz="sm" c="dimmed">
                {t('settings.people.addHint')}
              </Text>
              <TextInput
                label={t('settings.people.fields.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={nameError}
                maxLength={80}
                autoComplete="off"
                withAsterisk
                data-autofocus
                data-testid="person-name"
              />
            </>
          )}
          <Select
            label={t('settings.people.fields.role')}
            description={t(`settings.people.roleHints.${role}`)}
            value={role}
            allowDeselect={false}
            onChange={(value) => {
              if (isRole(value)) setRole(value);
            }}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="person-role"
          />
          {approver ? (
            <MultiSelect
              label={t('settings.people.fields.merchants')}
              description={t('settings.people.merchantsHint')}
              value={merchantIds}
              onChange={setMerchantIds}
              data={merchants.map((m) => ({ value: String(m.id), label: m.name }))}
              error={merchantsError}
              searchable
              withAsterisk
              comboboxProps={{ withinPortal: true }}
              data-testid="person-merchants"
            />
          ) : null}
          {person ? null : (
            <>
              <NewPasswordFields
                password={password}
                again={again}
                onPassword={setPassword}
                onAgain={setAgain}
                checks={checks}
                labels={{
                  password: t('settings.people.fields.password'),
                  again: t('settings.people.fields.passwordAgain'),
                }}
                testIds={{ password: 'person-password', again: 'person-password-again' }}
              />
            </>
          )}
          <FormError message={failure} testId="person-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('settings.people.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending} data-testid="person-save">
              {person ? t('settings.people.save') : t('settings.people.addSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
