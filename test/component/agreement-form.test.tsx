// The agreement form, with the core stubbed by name: the type follows the parties until the clerk
// picks one, a type the parties cannot have shows the core's reason, and a refused save keeps what
// was typed with the error next to its field.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AgreementForm } from '../../renderer/src/pages/agreements/AgreementForm';
import { chooseOption } from './antd';
import { renderWithProviders, StubError, stubApi, type Stubs } from './render';

const SCHOOL = '0b4e1a52-6c2d-4f1e-9a3b-7c8d9e0f1a2b';
const COMPANY = '1c5f2b63-7d3e-4a2f-8b4c-8d9e0f1a2b3c';

const members: Stubs['members.list'] = () => ({
  rows: [
    { id: SCHOOL, name: '长春职业技术学院', category: 'higher_vocational' },
    { id: COMPANY, name: '一汽模具制造有限公司', category: 'enterprise' },
  ],
  total: 2,
  offset: 0,
  limit: 50,
});

const TYPE_PROBLEM = { key: 'errors.agreementTypeParties', params: { type: '校校', needs: '2所学校', has: '高职院校、企业' }, message: 'needs two schools' };

function stubs(extra: Stubs = {}): Stubs {
  return {
    'members.list': members,
    'events.list': () => [],
    'agreements.list': () => ({ rows: [], total: 0, offset: 0, limit: 500 }),
    'agreements.suggestType': (input) => ({ suggested: 'school_enterprise', problem: input.type === 'school_school' ? TYPE_PROBLEM : null }),
    ...extra,
  };
}

const withParties = { parties: [{ organizationId: SCHOOL }, { organizationId: COMPANY }] };

describe('agreement form', () => {
  it('takes the type the parties suggest, and saves the agreement with its parties', async () => {
    const calls = stubApi(stubs({ 'agreements.create': (input) => ({ id: SCHOOL, number: '2026-校企-001', title: input.title }) }));
    const onClose = vi.fn();
    renderWithProviders(<AgreementForm open agreementId={null} defaults={withParties} onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('协议名称'), '订单培养合作协议');
    expect(await screen.findByText('根据签约各方建议：校企')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('签约代表 2'), '薛耀');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = calls.find((c) => c.method === 'agreements.create')!.input as Record<string, any>;
    expect(sent).toMatchObject({ title: '订单培养合作协议', type: 'school_enterprise', status: 'draft', number: null, tags: [] });
    expect(sent.parties).toEqual([
      { organizationId: SCHOOL, label: null, signatoryName: null, signatoryTitle: null, sealAffixed: false },
      { organizationId: COMPANY, label: null, signatoryName: '薛耀', signatoryTitle: null, sealAffixed: false },
    ]);
  });

  it('saves once when 保存 is clicked twice in a row', async () => {
    let release: () => void = () => undefined;
    const calls = stubApi(
      stubs({
        // The first save is still under way when the second click comes.
        'agreements.create': (input) => new Promise((resolve) => (release = () => resolve({ id: SCHOOL, number: '2026-校企-001', title: input.title }))),
      }),
    );
    const onClose = vi.fn();
    renderWithProviders(<AgreementForm open agreementId={null} defaults={withParties} onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('协议名称'), '订单培养合作协议');
    const save = screen.getByRole('button', { name: '保 存' });
    // As a double click arrives: the second after the first has started the save.
    fireEvent.click(save);
    await waitFor(() => expect(calls.filter((c) => c.method === 'agreements.create')).toHaveLength(1));
    fireEvent.click(save);
    await userEvent.keyboard('{Control>}s{/Control}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'agreements.create')).toHaveLength(1);
  });

  it('shows why a chosen type does not fit the parties, next to the type', async () => {
    stubApi(stubs());
    renderWithProviders(<AgreementForm open agreementId={null} defaults={withParties} onClose={() => undefined} />);
    await screen.findByText('根据签约各方建议：校企');
    await chooseOption('协议类型', '校校');
    expect((await screen.findByTestId('type-problem')).textContent).toBe('校校协议的签约方中至少需要2所学校；当前签约方为：高职院校、企业');
  });

  it('keeps everything typed when the core refuses the number, and shows why at the number', async () => {
    const refused = new StubError({
      code: 'CONFLICT',
      message: 'Agreement number 2023-校企-001 is already used',
      details: { key: 'errors.duplicateAgreementNumber', fields: { number: { key: 'errors.duplicateAgreementNumber', params: { number: '2023-校企-001', title: '原协议' }, message: 'used' } } },
    });
    stubApi(stubs({ 'agreements.create': () => refused }));
    const onClose = vi.fn();
    renderWithProviders(<AgreementForm open agreementId={null} defaults={withParties} onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('协议名称'), '实习基地协议');
    await userEvent.type(screen.getByLabelText('协议编号'), '2023-校企-001');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('协议编号 2023-校企-001 已被“原协议”使用')).toBeTruthy();
    expect((screen.getByLabelText('协议名称') as HTMLInputElement).value).toBe('实习基地协议');
    expect((screen.getByLabelText('协议编号') as HTMLInputElement).value).toBe('2023-校企-001');
    expect(onClose).not.toHaveBeenCalled();
  });
});
