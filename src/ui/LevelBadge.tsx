import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Level } from '../core';

const useLevelBadgeStyles = makeStyles({
  red: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  yellow: { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
});

export interface LevelBadgeProps {
  level: Level;
  /** The text on the badge: the colour's name, with a count where there is one. Colour is never the only cue. */
  children: ReactNode;
}

/** A badge in the dispute's warning colour. */
export function LevelBadge({ level, children }: LevelBadgeProps) {
  const styles = useLevelBadgeStyles();
  return (
    <Badge appearance="filled" shape="rounded" className={mergeClasses(styles[level])}>
      {children}
    </Badge>
  );
}
