// The cooperation project form, with the core stubbed by name: a standard kind typed by its name is
// sent as its code and the secretariat's own kind as typed, figures go a row per year, and a year the
// core refuses keeps every figure typed with the reason at that year.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProjectForm } from '../../renderer/src/pages/projects/ProjectForm';
import { renderWithProviders, StubError, stubApi, type Stubs } from './render';

const PROJECT = '2d6a3c74-8e4f-4b3a-9c5d-9e0f1a2b3c4d';
const THIS_YEAR = new Date().getFullYear();

function stubs(extra: Stubs = {}): Stubs {
  return {
    'projects.kinds': () => [],
    'members.list': () => ({ rows: [], total: 0, offset: 0, limit: 50 }),
    'agreements.list': () => ({ rows: [], total: 0, offset: 0, limit: 50 }),
    ...extra,
  };
}

const NO_FIGURES = { trainees: null, interns: null, hires: null, serviceContractYuan: null, basesBuilt: null };

describe('project form', () => {
  it('sends a standard kind typed by its name as its code, and this year’s figures', async () => {
    const calls = stubApi(stubs({ 'projects.create': (input) => ({ id: PROJECT, name: input.name }) }));
    const onClose = vi.fn();
    renderWithProviders(<ProjectForm project={null} open onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('项目名称'), '模具订单班');
    await userEvent.type(screen.getByLabelText('项目类型'), '订单班');
    await userEvent.type(screen.getByLabelText('第 1 行招生/在读学生（人）'), '40');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'projects.create')!.input).toEqual({
      name: '模具订单班',
      kind: 'order_class',
      agreementId: null,
      startDate: null,
      endDate: null,
      notes: null,
      partners: [],
      figures: [{ year: THIS_YEAR, studentsEnrolled: 40, ...NO_FIGURES }],
    });
  });

  it('keeps the secretariat’s own kind as typed', async () => {
    const calls = stubApi(stubs({ 'projects.create': (input) => ({ id: PROJECT, name: input.name }) }));
    const onClose = vi.fn();
    renderWithProviders(<ProjectForm project={null} open onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('项目名称'), '技能大赛集训');
    await userEvent.type(screen.getByLabelText('项目类型'), '技能大赛');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'projects.create')!.input).toMatchObject({ name: '技能大赛集训', kind: '技能大赛' });
  });

  it('shows a refused year at that year and keeps every figure typed', async () => {
    const refused = new StubError({
      code: 'VALIDATION',
      message: 'twice',
      details: { key: 'errors.validation', fields: { 'figures.1.year': { key: 'validation.yearTwice', params: { year: THIS_YEAR }, message: 'twice' } } },
    });
    stubApi(stubs({ 'projects.create': () => refused }));
    const onClose = vi.fn();
    renderWithProviders(<ProjectForm project={null} open onClose={onClose} />);
    await userEvent.type(await screen.findByLabelText('项目名称'), '学徒制');
    await userEvent.type(screen.getByLabelText('项目类型'), '现代学徒制');
    fireEvent.click(screen.getByRole('button', { name: '添加年度' }));
    const second = await screen.findByLabelText('第 2 行年度');
    await userEvent.clear(second);
    await userEvent.type(second, String(THIS_YEAR));
    await userEvent.type(screen.getByLabelText('第 2 行招生/在读学生（人）'), '12');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findByText(`${THIS_YEAR} 年填写了两次`)).toBeTruthy();
    expect((screen.getByLabelText('第 2 行招生/在读学生（人）') as HTMLInputElement).value).toBe('12');
    expect((screen.getByLabelText('项目名称') as HTMLInputElement).value).toBe('学徒制');
    expect(onClose).not.toHaveBeenCalled();
  });
});
