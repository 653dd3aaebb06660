import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectedDispute } from '../../addin/host';
import { LevelBadge, levelName, nextRevisitText } from '../../ui';
import { usePaneText } from '../shared/pane-context';

const useSelectedDisputeCardStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  label: { overflowWrap: 'anywhere' },
});

/** The row the revisit will be recorded for, so the user can check it is the right one. */
export function SelectedDisputeCard({ dispute }: { dispute: SelectedDispute }) {
  const { t, language } = usePaneText();
  const styles = useSelectedDisputeCardStyles();
  return (
    <Card appearance="filled-alternative" size="small" role="region" aria-label={t('revisit.row', { row: dispute.row })}>
      <Text weight="semibold" className={styles.label}>
        {dispute.label}
      </Text>
      <div className={styles.line}>
        <Text size={200}>{t('revisit.row', { row: dispute.row })}</Text>
        <Text size={200}>{t('revisit.level')}</Text>
        <LevelBadge level={dispute.level}>{levelName(language, dispute.level)}</LevelBadge>
      </div>
      <Text size={200}>{nextRevisitText(language, dispute.nextRevisit)}</Text>
    </Card>
  );
}
