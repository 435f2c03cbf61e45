import { Button, Group, TextInput } from '@mantine/core';

/**
 * A one-field form whose button sits beside the input itself: the label and hint keep the
 * panel's full width, and an error shown under the input does not move the button.
 */
export function InputWithSubmit({
  label,
  description,
  placeholder,
  value,
  onChange,
  error,
  inputMode,
  spellCheck,
  testId,
  submit,
  onSubmit,
}: {
  label: string;
  description: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  inputMode?: 'numeric';
  spellCheck?: boolean;
  testId: string;
  submit: {
    readonly label: string;
    readonly loading: boolean;
    readonly disabled: boolean;
    readonly testId: string;
  };
  onSubmit: () => void;
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <TextInput
        label={label}
        description={description}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={spellCheck}
        data-testid={testId}
        inputContainer={(input) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>{input}</div>
            <Button
              type="submit"
              variant="light"
              loading={submit.loading}
              disabled={submit.disabled}
              data-testid={submit.testId}
            >
              {submit.label}
            </Button>
          </Group>
        )}
      />
    </form>
  );
}
