import * as fs from 'fs';
import * as path from 'path';

interface StartScript {
  COMMANDS: Record<'start' | 'stop', string>;
  main(action: string, platform: string): Promise<number>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const start: StartScript = require('../../scripts/start.js');
const root = path.resolve(__dirname, '../..');

describe('npm start (scripts/start.js)', () => {
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('is what npm start, npm stop and npm run dev-server run', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(scripts).toMatchObject({ start: 'node scripts/start.js', stop: 'node scripts/start.js stop', 'dev-server': 'webpack serve --mode development' });
  });

  it('on Linux says in Chinese and English that Excel desktop cannot be used and how to use Excel on the web, and fails', async () => {
    expect(await start.main('start', 'linux')).toBe(1);
    const said = jest.mocked(console.error).mock.calls.flat().join('\n');
    for (const text of ['无法把加载项旁加载到 Excel 桌面版', 'npm run dev-server', '插入 > 加载项 > 上传我的加载项', 'cannot be sideloaded into Excel desktop on Linux', 'Upload My Add-in', 'manifest.xml']) {
      expect([text, said.includes(text)]).toEqual([text, true]);
    }
  });

  it('on Linux has nothing to stop', async () => {
    expect(await start.main('stop', 'linux')).toBe(0);
  });

  it('refuses an unknown action', async () => {
    expect(await start.main('restart', 'linux')).toBe(2);
  });

  it('on Windows and macOS sideloads manifest.xml into Excel desktop with the dev server, through npx', () => {
    expect(start.COMMANDS.start).toBe('npx --yes office-addin-debugging@6 start manifest.xml desktop --app excel --dev-server "npm run dev-server" --dev-server-port 3000');
    expect(start.COMMANDS.stop).toBe('npx --yes office-addin-debugging@6 stop manifest.xml');
  });
});
