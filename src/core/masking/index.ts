// Masking of personal information for everything that leaves the ledger (handouts, summaries).
export { maskName, splitParties, maskParties, maskPartyNames, maskIdNumber, maskPhone, maskText } from './mask';
export {
  maskForHandout,
  maskPlaceForHandout,
  findKinshipNames,
  HandoutMasker,
  DEFAULT_HANDOUT_RULES,
  ADDRESS_OMITTED,
  SENSITIVE_OMITTED,
  AGE_OMITTED,
} from './handout';
export type { HandoutMaskRules, HandoutMaskOptions } from './handout';
export { WordIndex, indexPerList } from './word-index';
