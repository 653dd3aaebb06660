export { scheduleRevisit } from './schedule';
export type { Cadence } from './schedule';
export { buildDueList, UNASSIGNED_OWNER } from './due-list';
export type { DueGroup } from './due-list';
export { renderDueList, DUE_LIST_LABELS, DUE_LIST_SHEET } from './render-due-list';
export type { DueListRenderOptions } from './render-due-list';
