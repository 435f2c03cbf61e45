import { Alert, Badge, PasswordInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Password } from '../../../../../shared/contract';
import type { Role } from '../../../../../shared/domain/status';

/** The shortest password the server accepts; the rule itself is the contract's `Password`. */
export const PASSWORD_MIN = Password.minLength ?? 8;

const ROLE_COLORS: Readonly<Record<Role, string>> = {
  staff: 'blue',
  approver: 'teal',
  bookkeeper: 'grape',
  admin: 'red',
};

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" data-testid="person-role-badge">
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** A server refusal (name taken, last admin, wrong password…) inside the form that caused it. */
export function FormError({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} />} data-testid={testId}>
      {message}
    </Alert>
  );
}

export interface PasswordChecks {
  /** Shown under the password field; null while it is fine or not yet worth a remark. */
  readonly passwordError: string | null;
  readonly againError: string | null;
  readonly ok: boolean;
}

/**
 * A new password and its repetition, checked by the contract's rule. Errors show once the person
 * tried to save, except for a repetition that already differs, which is worth saying at once.
 */
export function usePasswordChecks(password: string, again: string, tried: boolean): PasswordChecks {
  const { t } = useTranslation();
  const valid = Password.safeParse(password).success;
  const same = password === again;
  return {
    passwordError: tried && !valid ? t('settings.people.passwordTooShort', { min: PASSWORD_MIN }) : null,
    againError:
      !same && (tried || (again !== '' && again.length >= password.length))
        ? t('settings.people.passwordsDiffer')
        : null,
    ok: valid && same,
  };
}

/**
 * A new password typed twice, with the contract's rule: the same two fields wherever a password
 * is chosen (the first admin, a new person, an admin's reset, one's own change).
 */
export function NewPasswordFields({
  password,
  again,
  onPassword,
  onAgain,
  checks,
  labels,
  testIds,
  autoFocus = false,
}: {
  password: string;
  again: string;
  onPassword: (value: string) => void;
  onAgain: (value: string) => void;
  checks: PasswordChecks;
  labels: { readonly password: string; readonly again: string };
  testIds: { readonly password: string; readonly again: string };
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={labels.password}
        description={t('settings.people.passwordRule', { min: PASSWORD_MIN })}
        value={password}
        onChange={(event) => onPassword(event.currentTarget.value)}
        error={checks.passwordError}
        autoComplete="new-password"
        withAsterisk
        data-autofocus={autoFocus || undefined}
        data-testid={testIds.password}
      />
      <PasswordInput
        label={labels.again}
        value={again}
        onChange={(event) => onAgain(event.currentTarget.value)}
        error={checks.againError}
        autoComplete="new-password"
        withAsterisk
        data-testid={testIds.again}
      />
    </>
  );
}
