import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { usePaneText } from '../shared/pane-context';

export interface MaskOffDialogProps {
  open: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a handout shows names, ID and phone numbers. Keeping the mask is the default action. */
export function MaskOffDialog({ open, onConfirm, onCancel }: MaskOffDialogProps) {
  const { t } = usePaneText();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('summary.confirmTitle')}</DialogTitle>
          <DialogContent>{t('summary.confirmBody')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onCancel}>
              {t('summary.keepOn')}
            </Button>
            <Button onClick={onConfirm}>{t('summary.confirmOff')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
