import type { AddinHost } from '../addin/host';

// The Office.js host (src/hosts/officejs) has not landed yet. When it exports
// createOfficeAddinHost, this whole file becomes:
//
//   export { createOfficeAddinHost } from '../hosts/officejs';
//
// Until then every ribbon command fails with this message, shown to the user like any failure.
export function createOfficeAddinHost(): AddinHost {
  throw new Error('Excel 连接模块尚未就绪（src/hosts/officejs 未提供 createOfficeAddinHost）· The Office.js host is not available yet');
}
