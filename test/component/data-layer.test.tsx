// The renderer's one data layer: saving a member through its form refreshes every query that shows
// members (the dashboard, the roster, the history), because members.update declares what it changes
// and those methods declare what they read; a query about something else is left alone.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useApiQuery } from '../../renderer/src/api/queries';
import { MemberForm } from '../../renderer/src/pages/members/MemberForm';
import { ProjectForm } from '../../renderer/src/pages/projects/ProjectForm';
import { aMember } from './fixtures';
import { renderWithProviders, stubApi } from './render';

const MEMBER = '7cbf81c9-d394-4085-a1a2-4d5e6f708192';

const member = aMember({ id: MEMBER, name: '吉林大学', category: 'university' });

/** What other pages keep cached while the form is open. */
function OtherPages() {
  useApiQuery('dashboard.summary', {});
  useApiQuery('reports.roster', { includeUscc: false });
  useApiQuery('changes.recent', {});
  useApiQuery('settings.get', {});
  return null;
}

describe('the data layer', () => {
  it('refreshes the dashboard, roster and history after a member is saved, and nothing unrelated', async () => {
    const calls = stubApi({
      'members.get': () => member,
      'members.update': (input) => ({ member: { ...member, name: input.name }, warnings: [] }),
      'agreements.list': () => ({ rows: [], total: 0, offset: 0, limit: 20 }),
      'terms.roleHistory': () => [],
      'projects.list': () => [],
      'changes.forRecord': () => [],
      'changes.recent': () => ({ rows: [], total: 0 }),
      'dashboard.summary': () => ({ today: '2026-11-29', membersByCategory: [], agreementsByType: [], agreementsByState: [], expiring: [], recentEvents: [], comingEvents: [] }),
      'reports.roster': () => ({ allianceName: null, total: 0, groups: [] }),
      'settings.get': () => ({ agreementNumberPattern: '{year}-{type}-{seq}' }),
    });
    const count = (method: string) => calls.filter((c) => c.method === method).length;
    const onClose = vi.fn();
    renderWithProviders(
      <>
        <OtherPages />
        <MemberForm open memberId={MEMBER} onClose={onClose} />
      </>,
    );
    const name = await screen.findByLabelText('单位全称');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('吉林大学'));
    await waitFor(() => expect(count('dashboard.summary')).toBe(1));
    const before = { dashboard: count('dashboard.summary'), roster: count('reports.roster'), history: count('changes.recent'), settings: count('settings.get') };

    await userEvent.type(name, '（中心校区）');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    await waitFor(() => expect(count('dashboard.summary')).toBe(before.dashboard + 1));
    expect(count('reports.roster')).toBe(before.roster + 1);
    expect(count('changes.recent')).toBe(before.history + 1);
    expect(count('settings.get')).toBe(before.settings);
  });

  it('refreshes the project list and the annual report after a project is saved, and leaves the talent list alone', async () => {
    const calls = stubApi({
      'projects.kinds': () => [],
      'members.list': () => ({ rows: [], total: 0, offset: 0, limit: 50 }),
      'agreements.list': () => ({ rows: [], total: 0, offset: 0, limit: 50 }),
      'projects.list': () => [],
      'projects.create': (input) => ({ id: MEMBER, name: input.name }),
      'reports.annual': () => ({ year: 2026, allianceName: null, tables: [] }),
      'talent.list': () => [],
    });
    const count = (method: string) => calls.filter((c) => c.method === method).length;
    function ProjectPages() {
      useApiQuery('projects.list', {});
      useApiQuery('reports.annual', { year: 2026 });
      useApiQuery('talent.list', {});
      return null;
    }
    const onClose = vi.fn();
    renderWithProviders(
      <>
        <ProjectPages />
        <ProjectForm project={null} open onClose={onClose} />
      </>,
    );
    await waitFor(() => expect(count('talent.list')).toBe(1));
    const before = { projects: count('projects.list'), report: count('reports.annual'), talent: count('talent.list') };
    await userEvent.type(await screen.findByLabelText('项目名称'), '模具订单班');
    await userEvent.type(screen.getByLabelText('项目类型'), '订单班');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    await waitFor(() => expect(count('projects.list')).toBe(before.projects + 1));
    expect(count('reports.annual')).toBe(before.report + 1);
    expect(count('talent.list')).toBe(before.talent);
  });
});
