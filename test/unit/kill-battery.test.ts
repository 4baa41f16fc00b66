// Power cuts during backups, `backup --out` and restores: the short run of the battery that
// `npm run reliability` runs 30 times each (docs/reliability.md). After every kill the data file is
// whole and holds one of the two known states, every kept backup verifies, the file under the name
// the clerk chose is a sound backup or absent, and the next open leaves no temporary file behind.
import { describe, expect, it } from 'vitest';
import { killBattery, type KillWork } from '../support/kill-battery.js';

const KILLS = 4;

describe('kills during the work that writes files', () => {
  it.each<KillWork>(['backup', 'backup-out', 'restore'])('%s: every one of the kills leaves the folder sound', async (work) => {
    const report = await killBattery(work, KILLS, { seed: 20261129 });
    expect(report.failures).toEqual([]);
    expect(report.kills).toBe(KILLS);
    expect(report.held).toBe(KILLS);
    expect(report.phases['mid-work'] ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
