/**
 * Condition-based pricing: a merchant's policy, the engine that turns an item's graded facts into
 * a proposed price with its trace, the trace's labels in en/fr/de, and comparable sales.
 */
export {
  BP_SCALE,
  DEFAULT_POLICY,
  FEE_CHANNELS,
  PRICED_GRADES,
  PRICE_ENDINGS,
  PricingPolicy,
  endingCents,
  shareOf,
  validatePolicy,
  type ChannelFee,
  type FeeChannel,
  type PolicyWarning,
  type PolicyWarningCode,
  type PolicyWarningWithMessage,
  type PriceEnding,
  type PricedGrade,
} from './policy';
export {
  APPROVAL_REASONS,
  ItemFacts,
  PricingInput,
  STEP_ORDER,
  applyEnding,
  discountBpOf,
  estimateFee,
  feeChannelFor,
  floorFor,
  priceItem,
  roundDownToEnding,
  roundUpToEnding,
  type ApprovalReason,
  type PriceResult,
  type PricingOutcome,
  type PricingRefusal,
  type PricingStep,
  type RefusalDetail,
  type SealedFinding,
  type StepCode,
  type StepDetail,
} from './engine';
export { findingText, labelFor, policyWarningText, refusalText, sealedWithFindingsText } from './labels';
export { comparablePrices, type ComparableStats, type RecordedSale } from './comparables';
