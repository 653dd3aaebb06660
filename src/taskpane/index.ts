/** The task pane of 三色台账: a React component over an `AddinHost`, and the language helpers. */
export { TaskPane } from './TaskPane';
export type { TaskPaneProps } from './TaskPane.types';
export { detectLanguage, languageTag } from '../ui';
export type { SaveTextFile } from '../ui';
