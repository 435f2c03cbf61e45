import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, parseAmount } from '../amounts';
import { useFormat } from '../format';

/**
 * An amount field in the person's language: it shows "12,50" in French and German and "12.50" in
 * English, takes either separator when typed, and says what is wrong with a typed text instead of
 * reading it as 0. The amount goes out in minor units, or null while the text is not an amount.
 *
 * The text is the field's own: a parent that must show another amount (an Undo of the whole form)
 * mounts it afresh with a new `key`.
 */
export function AmountInput({
  initialCents,
  onChange,
  currency,
  required = false,
  error,
  ...props
}: Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'error'> & {
  /** The amount the field starts from; null for an empty field. */
  initialCents: number | null;
  onChange: (cents: number | null) => void;
  /** Shown at the end of the field. */
  currency?: string;
  required?: boolean;
  /** A problem the parent knows of (the amount is fine as typed, but refused). */
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const [text, setText] = useState(() => (initialCents === null ? '' : formatAmount(initialCents, locale)));
  const [left, setLeft] = useState(false);
  const parsed = parseAmount(text, locale);
  const example = formatAmount(1250, locale);
  // An empty field is only wrong when it must be filled, and only once the person has left it.
  const problem =
    parsed.ok || (parsed.problem === 'empty' && (!required || !left))
      ? null
      : t(`amount.${parsed.problem}`, { example });
  return (
    <TextInput
      {...props}
      required={required}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const result = parseAmount(next, locale);
        onChange(result.ok ? result.cents : null);
      }}
      onBlur={(event) => {
        setLeft(true);
        // What was typed, written back the way the language writes it ("12.5" → "12,50").
        if (parsed.ok) setText(formatAmount(parsed.cents, locale));
        props.onBlur?.(event);
      }}
      error={problem ?? error}
      rightSection={
        props.rightSection ??
        (currency ? (
          <Text fz="xs" c="dimmed">
            {currency}
          </Text>
        ) : undefined)
      }
    />
  );
}
