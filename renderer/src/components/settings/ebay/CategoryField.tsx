// The eBay category new listings go in: a numeric id typed in and saved with its own button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InputWithSubmit } from '../InputWithSubmit';

export function CategoryField({
  chosen,
  saving,
  locked,
  onSave,
}: {
  /** The category stored on the account, if any. */
  chosen: string | null;
  saving: boolean;
  /** Another choice is being saved: one write at a time. */
  locked: boolean;
  /** Resolves true once saved, so the draft gives way to the stored value. */
  onSave: (categoryId: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  // null until edited: the field shows the stored category until then.
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? chosen ?? '';
  const invalid = value.trim() !== '' && !/^\d+$/.test(value.trim());

  const save = async () => {
    const id = value.trim();
    if (!id || invalid) return;
    if (await onSave(id)) setDraft(null);
  };

  return (
    <InputWithSubmit
      label={t('ebay.choose.category')}
      description={t('ebay.choose.categoryHint')}
      value={value}
      onChange={setDraft}
      error={invalid ? t('ebay.choose.categoryInvalid') : null}
      inputMode="numeric"
      testId="ebay-category"
      submit={{
        label: t('ebay.choose.saveCategory'),
        loading: saving,
        disabled: invalid || value.trim() === '' || locked,
        testId: 'ebay-category-save',
      }}
      onSubmit={() => void save()}
    />
  );
}
