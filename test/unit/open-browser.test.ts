// The browser is opened without the launch link on any command line.
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { openBrowser, writeRedirectPage } from '../../server/open-browser.js';
import { tempDir } from '../support/migrations.js';

describe('opening the browser', () => {
  it('points it at a private page that goes on to the link, never at the link itself', () => {
    const link = 'http://127.0.0.1:4321/?token=secret-launch-token';
    const launch = vi.fn(() => ({ on: () => undefined, unref: () => undefined }));
    expect(openBrowser(link, launch, 'linux', { DISPLAY: ':0' })).toBe(true);
    const [command, args] = launch.mock.calls[0] as unknown as [string, string[]];
    expect(command).toBe('xdg-open');
    expect(args.join(' ')).not.toContain('secret-launch-token');
    const page = args[0]!;
    expect(fs.readFileSync(page, 'utf8')).toContain(link);
    expect(fs.statSync(page).mode & 0o777).toBe(0o600);
    expect(fs.statSync(page.replace(/\/open\.html$/, '')).mode & 0o777).toBe(0o700);
  });

  it('writes nothing a link could break out of, and removes the page', () => {
    const page = writeRedirectPage('http://127.0.0.1:1/?token=a"><script>alert(1)</script>', tempDir());
    expect(fs.readFileSync(page.file, 'utf8')).not.toContain('<script>alert');
    page.remove();
    expect(fs.existsSync(page.file)).toBe(false);
  });

  it('does nothing on a machine without a display', () => {
    const launch = vi.fn();
    expect(openBrowser('http://127.0.0.1:1/', launch as never, 'linux', {})).toBe(false);
    expect(launch).not.toHaveBeenCalled();
  });
});
