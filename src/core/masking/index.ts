// Masking of personal information for everything that leaves the ledger (handouts, summaries).
export { maskName, splitParties, maskParties, maskIdNumber, maskPhone, maskText } from './mask';
