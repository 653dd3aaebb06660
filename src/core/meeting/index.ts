// The joint meeting (三调联动联席会议) of several units' ledgers: each read as a single run reads
// it, the disputes they share found and counted once, one summary and one due-list for all.
export { runMeetingJob } from './meeting-job';
export type { MeetingLedger, MeetingOptions, MeetingUnit, MeetingJob } from './meeting-job';
export { findSharedDisputes, distinctNames, SAME_DISPUTE_DAYS } from './duplicates';
export type { UnitDispute } from './duplicates';
