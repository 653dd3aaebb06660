// Moved to src/ui/testing (the page's tests use it too); kept here for
// src/hosts/inbrowser/pane-outside-excel.test.tsx, which another worktree edits.
import '../../ui/testing/dom-shims';
