import { useTranslation } from 'react-i18next';
import type { Merchant } from '../../../../shared/contract';
import { useMay, useMe } from '../../state/me';
import { LoadingBlock } from '../common';
import { MerchantEbay } from './ebay/MerchantEbay';
import { PerMerchantSection } from './PerMerchantSection';

/** The merchant's eBay account: keys, the seller's consent and the pre-flight check. */
export function EbaySection({ merchants }: { merchants: readonly Merchant[] }) {
  const { t } = useTranslation();
  const me = useMe();
  // What the server lets this person do with the account (shared/access/rules.ts).
  const mayConfigure = useMay('ebay.configure');

  return (
    <PerMerchantSection
      merchants={merchants}
      title={t('ebay.title')}
      picker={{ label: t('ebay.merchant'), testId: 'ebay-merchant' }}
      noMerchants={t('ebay.noMerchants')}
      testId="ebay-settings"
    >
      {(merchant) =>
        me === null ? (
          <LoadingBlock h={80} />
        ) : (
          // Keyed by merchant: drafts, the consent paste and the last check belong to one account.
          <MerchantEbay key={merchant.id} merchant={merchant} mayConfigure={mayConfigure} />
        )
      }
    </PerMerchantSection>
  );
}
