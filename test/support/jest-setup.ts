import { whenPlaceholderMissing } from '../../src/core/messages';

// A message shown with "{name}" in it is a bug wherever it happens: fail the test that shows it.
whenPlaceholderMissing((name, template) => {
  throw new Error(`placeholder {${name}} has no value in "${template}"`);
});
