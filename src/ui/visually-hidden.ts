import type { GriffelStyle } from '@fluentui/react-components';

/** Out of sight but read by screen readers; the pane's and the web page's one recipe for it. */
export const VISUALLY_HIDDEN: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};
