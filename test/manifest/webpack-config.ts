/** webpack.config.js's exports for tests (it is plain CommonJS, run by webpack-cli, without types). */
export interface WebpackConfigModule {
  DEV_BASE_URL: string;
  PAGES: { filename: string; template: string; chunks: string[] }[];
  ADDIN_ENTRIES: Record<string, string>;
  addinBaseUrl(raw: string | undefined): string;
  rewriteManifestUrls(xml: string, baseUrl: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const webpackConfig: WebpackConfigModule = require('../../webpack.config.js');
