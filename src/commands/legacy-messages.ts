/**
 * What the legacy fallback (legacy.ts) says where the add-in cannot run, in the one catalogue
 * shape (src/core/messages). ES5 and nothing of the core, not even its `Catalogue` type (the ES5
 * build would check the core as ES5): Internet Explorer 11 loads it (webpack.config.js), so the
 * entries are read by key and have no placeholders.
 */
export const LEGACY_MESSAGES = {
  'title': { zh: '三色台账无法运行', en: 'Tricolor Ledger cannot run here' },
  'message': {
    zh:
      '三色台账的命令没能加载。Office 2016、2019（批量许可版）的加载项运行环境是 Internet Explorer 或旧版 Edge，三色台账不能在其中运行。\n' +
      '请改用 Office 2021、Microsoft 365 或网页版 Excel；也可以用 tricolor 命令行处理台账文件。',
    en:
      "Tricolor Ledger's commands did not load. Office 2016 and 2019 (volume-licensed) run add-ins in Internet Explorer or the old Edge, which cannot run Tricolor Ledger.\n" +
      'Please use Office 2021, Microsoft 365 or Excel on the web, or process the ledger file with the tricolor command.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
