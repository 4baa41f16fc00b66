// The plaque and appointment-letter form, with the core stubbed by name: what is typed goes to the core
// through the award model (blanks as null, the date as YYYY-MM-DD, the kind from the page), a refused
// number keeps everything typed with the reason at the number, and an award opens with its values.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { AwardForm } from '../../renderer/src/pages/awards/AwardForm';
import { renderWithProviders, StubError, stubApi, type Stubs } from './render';

const UNIT = '0b4e1a52-6c2d-4f1e-9a3b-7c8d9e0f1a2b';
const AWARD = '1c5f2b63-7d3e-4a2f-8b4c-8d9e0f1a2b3c';

function stubs(extra: Stubs = {}): Stubs {
  return {
    'members.list': () => ({ rows: [{ id: UNIT, name: '中国科学院长春分院', category: 'research' }], total: 1, offset: 0, limit: 50 }),
    'events.list': () => [],
    ...extra,
  };
}

describe('award form', () => {
  it('sends a new appointment letter as the model reads it: blanks as null, today’s date, the page’s kind', async () => {
    const calls = stubApi(stubs({ 'awards.create': (input) => ({ id: AWARD, number: '2026-聘-001', title: input.title }) }));
    const onClose = vi.fn();
    renderWithProviders(<AwardForm kind="appointment" award={null} open onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('聘任职务'), '产业教授');
    await userEvent.type(screen.getByLabelText('受聘人'), '李冰');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'awards.create')!.input).toEqual({
      kind: 'appointment',
      number: null,
      title: '产业教授',
      organizationId: null,
      personName: '李冰',
      date: dayjs().format('YYYY-MM-DD'),
      validUntil: null,
      eventId: null,
      notes: null,
    });
  });

  it('keeps everything typed when the core refuses the number, and shows why at the number', async () => {
    const refused = new StubError({
      code: 'VALIDATION',
      message: 'used',
      details: { key: 'errors.validation', fields: { number: { key: 'errors.duplicateAwardNumber', params: { number: '2026-聘-001', title: '专家委员会委员' }, message: 'used' } } },
    });
    stubApi(stubs({ 'awards.create': () => refused }));
    const onClose = vi.fn();
    renderWithProviders(<AwardForm kind="appointment" award={null} open onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('聘任职务'), '产业教授');
    await userEvent.type(screen.getByLabelText('受聘人'), '李冰');
    await userEvent.type(screen.getByLabelText('证书编号'), '2026-聘-001');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('证书编号 2026-聘-001 已被“专家委员会委员”使用')).toBeTruthy();
    expect((screen.getByLabelText('聘任职务') as HTMLInputElement).value).toBe('产业教授');
    expect((screen.getByLabelText('受聘人') as HTMLInputElement).value).toBe('李冰');
    expect((screen.getByLabelText('证书编号') as HTMLInputElement).value).toBe('2026-聘-001');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('opens an award with its values and saves it under its id', async () => {
    const calls = stubApi(stubs({ 'awards.update': (input) => ({ id: input.id, number: input.number ?? '', title: input.title }) }));
    const award = { id: AWARD, kind: 'plaque', number: '2026-授牌-002', title: '产业学院', organizationId: UNIT, organizationName: '中国科学院长春分院', personName: null, date: '2026-05-01', validUntil: '2029-04-30', eventId: null, eventTitle: null, notes: null, isSample: false, createdAt: '', updatedAt: '' } as const;
    const onClose = vi.fn();
    renderWithProviders(<AwardForm kind="plaque" award={award} open onClose={onClose} />);
    expect(((await screen.findByLabelText('授牌名称')) as HTMLInputElement).value).toBe('产业学院');
    expect((screen.getByLabelText('证书编号') as HTMLInputElement).value).toBe('2026-授牌-002');
    await userEvent.type(screen.getByLabelText('备注'), '年度复核');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'awards.update')!.input).toMatchObject({ id: AWARD, kind: 'plaque', number: '2026-授牌-002', title: '产业学院', organizationId: UNIT, date: '2026-05-01', validUntil: '2029-04-30', notes: '年度复核' });
  });
});
