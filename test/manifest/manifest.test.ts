import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { toolSkipReason } from '../render/tools';

const root = path.resolve(__dirname, '../..');
const schema = path.resolve(root, '../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd');
if (!fs.existsSync(schema) && process.env.CI) throw new Error(`manifest schemas missing in CI at ${schema}`);
const skip = !fs.existsSync(schema) ? `manifest schemas not found at ${schema}` : toolSkipReason('xmllint', 'libxml2-utils');

describe('manifest.xml', () => {
  (skip ? it.skip : it)(`validates offline against the Office add-in manifest schema${skip ? ` (skipped: ${skip})` : ''}`, () => {
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, path.join(root, 'manifest.xml')], { encoding: 'utf8' });
    expect(r.stderr.trim()).toBe(`${path.join(root, 'manifest.xml')} validates`);
    expect(r.status).toBe(0);
  });

  it('asks for ReadWriteDocument and names icons that exist in assets/', () => {
    const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    const icons = [...xml.matchAll(/\/assets\/([\w-]+\.png)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect([icon, fs.existsSync(path.join(root, 'assets', icon))]).toEqual([icon, true]);
  });
});
