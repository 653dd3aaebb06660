import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { usePaneText } from './pane-context';
import { hostErrorText } from './errors';

export interface HostErrorBarProps {
  /** What the host rejected with. */
  error: unknown;
  onDismiss?: () => void;
  onRetry?: () => void;
}

/** A failed host call, in the user's language: a fixed title and the error's own message. */
export function HostErrorBar({ error, onDismiss, onRetry }: HostErrorBarProps) {
  const { t } = usePaneText();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('errors.title')}</MessageBarTitle>
        {hostErrorText(error, t('errors.unknown'))}
      </MessageBarBody>
      {(onDismiss || onRetry) && (
        <MessageBarActions
          containerAction={
            onDismiss && (
              <Button appearance="transparent" size="small" onClick={onDismiss}>
                {t('errors.dismiss')}
              </Button>
            )
          }
        >
          {onRetry && (
            <Button size="small" onClick={onRetry}>
              {t('errors.retry')}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
