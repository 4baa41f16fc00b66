// Exchange files as an adversary (or an accident) makes them, and the ordinary cases a hostile-file
// review found broken: attachments, 换届, one unit typed with two codes. Every refusal changes nothing.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../core/host/core.js';
import { readExchangeFile, writeExchangeFile, type ExchangeBody, type ExchangeHeader } from '../../core/exchange/file-format.js';
import { hashPath } from '../../core/folder/backup-files.js';
import { callError, callOk, freshCore, VALID_USCC } from '../support/core.js';
import { exchangeFile, passFile, registerOf } from '../support/exchange.js';
import { member, parties } from '../support/records.js';

let a: AppCore;
let b: AppCore;
beforeEach(async () => {
  a = await freshCore();
  b = await freshCore();
});
afterEach(() => {
  a.close();
  b.close();
});

/** A's file for B, rewritten by `change` (header and body), checksummed again as a forger would. */
function forged(change: (header: ExchangeHeader, body: ExchangeBody) => void): string {
  const file = readExchangeFile(Buffer.from(exchangeFile(a, b), 'base64'));
  change(file.header, file.body);
  const { format: _f, version: _v, bodySha256: _s, bodyBytes: _b, ...header } = file.header;
  return writeExchangeFile(header, file.body).toString('base64');
}

const digest = (core: AppCore) => JSON.stringify(registerOf(core)) + String(core.ctx.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()) + String(core.ctx.sqlite.prepare('SELECT count(*) FROM sync_clock').pluck().get());
const refused = (bytes: string) => callError(b, 'exchange.stage', { fileName: 'f', bytes });

describe('ordinary files that were refused or failed', () => {
  it('carries an agreement’s scan to the other copy by its hash', () => {
    const [s, f] = [member(a, '甲校', 'higher_vocational'), member(a, '乙企', 'enterprise')];
    const agreement = callOk(a, 'agreements.create', { title: '协议', parties: parties(s, f) });
    const scan = callOk(a, 'attachments.add', { ownerType: 'agreement', ownerId: agreement.id, fileName: '扫描件.pdf', contentBase64: Buffer.from('%PDF-1.4 scan').toString('base64') });
    const { review } = passFile(a, b);
    expect(review.files).toEqual({ carried: 1, missing: 0 });
    expect(fs.readFileSync(hashPath(b.ctx.attachmentsDir, scan.sha256)).toString()).toBe('%PDF-1.4 scan');
  });

  it('merges a 换届 made on one copy, whichever term’s id sorts first', async () => {
    // Ids are random: six rounds meet both orders of the old and the new term's ids (1 in 64 not).
    for (let round = 0; round < 6; round++) {
      const [x, y] = [await freshCore(), await freshCore()];
      try {
        member(x, '甲校', 'higher_vocational');
        callOk(x, 'terms.startNext', {});
        passFile(x, y);
        const next = callOk(x, 'terms.startNext', {});
        callOk(x, 'terms.makeCurrent', { id: next.id, startDate: new Date().toISOString().slice(0, 10), electedEventId: null });
        passFile(x, y);
        expect(callOk(y, 'terms.list', {}).map((t) => t.state).sort()).toEqual(['closed', 'current']);
        expect(registerOf(y)).toEqual(registerOf(x));
      } finally {
        x.close();
        y.close();
      }
    }
  });

  it('takes one unit typed with two credit codes as the same unit, keeping the other code', () => {
    const onA = callOk(a, 'members.create', { name: '一汽集团', uscc: VALID_USCC[0], category: 'enterprise' }).member.id;
    const onB = callOk(b, 'members.create', { name: '一汽集团', uscc: VALID_USCC[1], category: 'enterprise' }).member.id;
    const { review } = passFile(a, b);
    expect(review.counts.duplicate).toBe(1);
    const kept = [onA, onB].sort()[0]!;
    const other = kept === onA ? VALID_USCC[1] : VALID_USCC[0];
    expect(callOk(b, 'members.get', { id: kept }).uscc).toBe(kept === onA ? VALID_USCC[0] : VALID_USCC[1]);
    expect(callOk(b, 'exchange.losers', { rowId: kept }).map((l) => l.value)).toContain(other);
  });
});

describe('forged files', () => {
  beforeEach(() => {
    member(a, '甲校', 'higher_vocational');
    member(b, '乙校', 'higher_vocational');
  });

  it('refuses content that is not base64 at its field', () => {
    expect(refused('not base64 at all!')).toMatchObject({ code: 'VALIDATION', details: { fields: { bytes: { key: 'validation.fileContent' } } } });
  });

  it('refuses values the forms would refuse, naming the table and field', () => {
    const before = digest(b);
    const bad = refused(forged((_h, body) => (body.rows.find((r) => r.t === 'organizations')!.v!.category = 'xyz')));
    expect(bad).toMatchObject({ code: 'EXCHANGE_FILE', details: { key: 'errors.exchangeInvalid' } });
    expect(bad.details?.params?.where).toMatch(/^organizations\.category/);
    expect(refused(forged((_h, body) => (body.rows.find((r) => r.t === 'organizations')!.v!.join_date = '2024-13-40')))).toMatchObject({ details: { key: 'errors.exchangeInvalid' } });
    expect(refused(forged((_h, body) => (body.rows.find((r) => r.t === 'organizations')!.v!.name = '')))).toMatchObject({ details: { key: 'errors.exchangeInvalid' } });
    expect(refused(forged((_h, body) => (body.rows.find((r) => r.t === 'organizations')!.id = "x'; DROP TABLE organizations; --")))).toMatchObject({ details: { key: 'errors.exchangeInvalid' } });
    expect(refused(forged((_h, body) => (body.rows.find((r) => r.t === 'organizations')!.v!.aliases = '{not json')))).toMatchObject({ details: { key: 'errors.exchangeInvalid' } });
    expect(digest(b)).toBe(before);
  });

  it('refuses clocks from a computer set to the far future, and a vector of hundreds of replicas', () => {
    const before = digest(b);
    const future = refused(forged((_h, body) => (body.rows[0]!.c = `099999999999999-00000-${body.rows[0]!.c.slice(22)}`)));
    expect(future).toMatchObject({ code: 'EXCHANGE_FILE', details: { key: 'errors.exchangeFuture' } });
    const many = refused(
      forged((header) => {
        for (let i = 0; i < 300; i++) header.seen[i.toString(16).padStart(32, '0')] = Object.values(header.seen)[0]!;
      }),
    );
    expect(many).toMatchObject({ code: 'EXCHANGE_FILE', details: { key: 'errors.exchangeDamaged' } });
    expect(digest(b)).toBe(before);
  });

  it('refuses aliases this app would not make: pointing upwards, or merging two different units', () => {
    const mine = b.ctx.sqlite.prepare('SELECT id FROM organizations').pluck().get() as string;
    const theirs = a.ctx.sqlite.prepare('SELECT id FROM organizations').pluck().get() as string;
    passFile(a, b);
    const before = digest(b);
    const at = Object.values(readExchangeFile(Buffer.from(exchangeFile(a, b), 'base64')).header.seen)[0]!;
    const [low, high] = [mine, theirs].sort() as [string, string];
    expect(refused(forged((_h, body) => body.aliases.push({ t: 'organizations', from: low, to: high, at })))).toMatchObject({ details: { key: 'errors.exchangeInvalid' } });
    // 甲校 and 乙校 are two units: an alias saying they are one is refused, nothing merged.
    expect(refused(forged((_h, body) => body.aliases.push({ t: 'organizations', from: high, to: low, at })))).toMatchObject({ details: { key: 'errors.exchangeInvalid' } });
    expect(digest(b)).toBe(before);
  });
});
