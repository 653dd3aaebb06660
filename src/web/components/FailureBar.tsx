import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { failureText, type PageFailure } from '../useWebApp';
import { focusHeadingBefore } from './focus';
import { useWebText } from './text';

export interface FailureBarProps {
  failure: PageFailure;
  onDismiss?: () => void;
}

/** What could not be done, in the page's language. */
export function FailureBar({ failure, onDismiss }: FailureBarProps) {
  const { t, language } = useWebText();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('errors.title')}</MessageBarTitle>
        {failureText(failure, language)}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              onClick={(e) => {
                // The bar goes away with the button that has focus: keep the user in this section.
                focusHeadingBefore(e.currentTarget);
                onDismiss();
              }}
            >
              {t('errors.dismiss')}
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}
