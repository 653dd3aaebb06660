/**
 * The ribbon's ExecuteFunction commands, in manifest order. Each name is a <FunctionName> in
 * manifest.xml and is registered once with registerCommand (commands.ts); test/manifest checks
 * both directions, so a button can never name a function the code does not register (the
 * Script Lab tutorial-button bug).
 *
 * ES5 only: this file is also bundled into the legacy fallback (legacy.ts, webpack.config.js).
 */
export const COMMAND_NAMES = ['triageAndColour', 'writeDueList', 'writeMeetingSummary'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];
