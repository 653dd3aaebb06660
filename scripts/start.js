#!/usr/bin/env node
/**
 * npm start / npm stop: try the add-in in Excel.
 *
 * On Windows and macOS: office-addin-debugging starts the dev server (npm run dev-server) and
 * sideloads manifest.xml into Excel desktop. It is fetched on demand with npx rather than installed,
 * because its settings module builds a native keychain module that fails on a fresh Linux machine.
 * Elsewhere there is no Excel desktop to sideload into: say so, and how to use Excel on the web.
 */
const { spawn } = require('child_process');
const path = require('path');

const DEBUGGING = 'npx --yes office-addin-debugging@6';
const COMMANDS = {
  start: `${DEBUGGING} start manifest.xml desktop --app excel --dev-server "npm run dev-server" --dev-server-port 3000`,
  stop: `${DEBUGGING} stop manifest.xml`,
};

/** What to do instead, in Chinese and English, where Excel desktop does not exist. */
function noDesktopExcelMessage(platform) {
  const name = { linux: 'Linux', freebsd: 'FreeBSD', openbsd: 'OpenBSD', sunos: 'Solaris', aix: 'AIX' }[platform] || platform;
  return [
    `三色台账 · npm start：在 ${name} 上无法把加载项旁加载到 Excel 桌面版（Excel 桌面版只有 Windows 和 macOS 版本）。`,
    '可以用网页版 Excel 试用：',
    '  1. 运行 npm run dev-server，保持它开着（加载项在 https://localhost:3000 上提供；首次运行会生成开发证书，安装证书需要 sudo）。',
    '  2. 在这台电脑的浏览器中打开 https://localhost:3000/help.html；如果浏览器提示证书不受信任，请选择继续访问。',
    '  3. 在同一个浏览器中用网页版 Excel（https://www.office.com）打开一个工作簿（可先上传 assets/sample-ledger.xlsx），',
    '     选择 插入 > 加载项 > 上传我的加载项（新版界面：开始 > 加载项 > 更多加载项 > 我的加载项 > 上传我的加载项），上传本目录的 manifest.xml。',
    '  4. “开始”选项卡上会出现“三色台账”组。',
    '不用 Excel 也可以处理台账文件：npx tricolor run 台账.xlsx',
    '',
    `Tricolor Ledger · npm start: the add-in cannot be sideloaded into Excel desktop on ${name} (Excel desktop exists only for Windows and macOS).`,
    'Try it in Excel on the web instead:',
    '  1. Run npm run dev-server and leave it running (it serves the add-in at https://localhost:3000; the first run creates a development certificate, and installing it needs sudo).',
    '  2. In a browser on this computer open https://localhost:3000/help.html; if the browser says the certificate is not trusted, choose to continue.',
    '  3. In the same browser open a workbook in Excel on the web (https://www.office.com; assets/sample-ledger.xlsx is a good one to upload),',
    '     choose Insert > Add-ins > Upload My Add-in (newer layout: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in) and upload manifest.xml from this directory.',
    '  4. The Tricolor Ledger group appears on the Home tab.',
    'Without Excel, the ledger file can be processed with: npx tricolor run ledger.xlsx',
  ].join('\n');
}

/** Runs `npm start` (action 'start') or `npm stop` ('stop'); resolves to the exit status. */
function main(action, platform) {
  if (!(action in COMMANDS)) {
    console.error(`usage: node scripts/start.js [start|stop] (not "${action}")`);
    return Promise.resolve(2);
  }
  if (platform !== 'win32' && platform !== 'darwin') {
    if (action === 'stop') {
      console.log('三色台账 · npm stop：这里没有旁加载，无需停止；npm run dev-server 请用 Ctrl+C 结束。\nTricolor Ledger · npm stop: nothing was sideloaded here; stop npm run dev-server with Ctrl+C.');
      return Promise.resolve(0);
    }
    // Not a success: what npm start is for (Excel desktop with the add-in) did not happen.
    console.error(noDesktopExcelMessage(platform));
    return Promise.resolve(1);
  }
  console.log(`> ${COMMANDS[action]}`);
  return new Promise((resolve) => {
    const child = spawn(COMMANDS[action], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit', shell: true });
    child.on('error', (error) => {
      console.error(`${COMMANDS[action]}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (require.main === module) {
  main(process.argv[2] || 'start', process.platform).then((status) => {
    process.exitCode = status;
  });
}

module.exports = { COMMANDS, main, noDesktopExcelMessage };
