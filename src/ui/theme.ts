import { webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * Fluent's light theme with the Chinese system fonts named after its Latin ones: Fluent's own
 * list names none, so every Chinese character was found by the browser's per-character font
 * fallback — slow to lay out on first sight (tens of ms for a screen of ledger text) and a font
 * that varies by machine. These are the fonts Windows, macOS and Linux ship for Simplified Chinese.
 */
export const tricolorTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `'Segoe UI', -apple-system, BlinkMacSystemFont, 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', Roboto, 'Helvetica Neue', sans-serif`,
};
