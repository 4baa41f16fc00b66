// docs/security.md stays true: every checklist item points at a real test or gives a reason, and the
// facts that have no other test (CSP meta tag, fuses, the preload's surface) are checked here.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../core/shell/content-security-policy.js';

const doc = fs.readFileSync('docs/security.md', 'utf8');
const require = createRequire(import.meta.url);

describe('security checklist document', () => {
  const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line));

  it('covers all 20 items of Electron’s checklist', () => {
    expect(rows.map((r) => Number(r.split('|')[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('item %i names an existing test or a reason', (n) => {
    const proof = rows[n - 1]!.split('|').at(-2)!.trim();
    const test = /^Test: (\S+)$/.exec(proof);
    if (test) expect(fs.existsSync(test[1]!), test[1]).toBe(true);
    else expect(proof).toMatch(/^Reason: .{20,}/);
  });
});

describe('facts the checklist relies on', () => {
  it('repeats the CSP as a meta tag in the page', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(fs.readFileSync('renderer/index.html', 'utf8'));
    // The meta tag cannot carry frame-ancestors (browsers ignore it there); everything else matches.
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
    expect(meta?.[1]).toBe(headerWithoutFrameAncestors);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('never enables Blink features and never exposes more than invoke to the page', () => {
    for (const file of fs.readdirSync('electron')) expect(fs.readFileSync(`electron/${file}`, 'utf8'), file).not.toMatch(/enableBlinkFeatures/);
    const preload = fs.readFileSync('electron/preload.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('alliance', bridge\)/);
    expect(/const bridge = \{([\s\S]*?)\};/.exec(preload)?.[1]?.match(/^\s+(\w+):/gm)?.map((k) => k.trim())).toEqual(['invoke:']);
  });

  it('packages with the fuses turned to their safe positions', () => {
    const config = require('../../electron-builder.config.cjs') as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
