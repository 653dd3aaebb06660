import { makeStyles, tokens } from '@fluentui/react-components';
import { LEVEL_FILLS, rgbHex } from '../../core';
import { VISUALLY_HIDDEN } from '../../ui';

/** The level colours of the workbook's formats (the core's LEVEL_FILLS, ARGB) as CSS colours. */
export const LEVEL_BACKGROUND = {
  red: rgbHex(LEVEL_FILLS.red),
  yellow: rgbHex(LEVEL_FILLS.yellow),
  green: rgbHex(LEVEL_FILLS.green),
} as const;

/** Layout shared by the page's sections. */
export const useSectionStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  headingRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    flexWrap: 'wrap',
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** A heading inside a subsection (the rule editor's parts). */
  minorHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  hidden: { display: 'none' },
  /** Read by screen readers, not shown. */
  visuallyHidden: VISUALLY_HIDDEN,
});

/** The layout both result sections share: counts beside the download, a scrolling list, the report panel. */
export const useResultLayoutStyles = makeStyles({
  top: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXXL, rowGap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  counts: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  download: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, maxWidth: '32rem' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, maxHeight: '16rem', overflow: 'auto' },
  item: { overflowWrap: 'anywhere' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
});
