// The event form, with the core stubbed by name: an existing event loads with its agenda and
// attendance named, "everyone came" marks the invited as attended, and the save sends the event as
// the core's input (agenda in order, attendance with statuses).
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { EventForm } from '../../renderer/src/pages/events/EventForm';
import { renderWithProviders, stubApi, type Stubs } from './render';

const EVENT = '2d6a3c74-8e4f-4b30-9c5d-9e0f1a2b3c4d';
const BUREAU = '3e7b4d85-9f50-4c41-8d6e-0f1a2b3c4d5e';
const SCHOOL = '4f8c5e96-a061-4d52-9e7f-1a2b3c4d5e6f';

const event = {
  id: EVENT,
  title: '成立大会',
  type: 'founding_congress' as const,
  date: '2023-08-19',
  startTime: '09:30',
  endTime: null,
  venue: '汽开区会议中心',
  organizers: ['长春市教育局'],
  minutes: null,
  isSample: false,
  agenda: [{ id: 'a1', position: 0, kind: 'speech' as const, title: '致辞', presenterName: '王明', presenterOrganizationId: BUREAU, presenterOrganizationName: '长春市教育局' }],
  attendance: [
    { id: 't1', organizationId: BUREAU, organizationName: '长春市教育局', person: '王明', status: 'invited' as const },
    { id: 't2', organizationId: SCHOOL, organizationName: '长春职业技术学院', person: null, status: 'absent' as const },
  ],
  agreements: [],
  attachments: [],
};

const stubs = (extra: Stubs = {}): Stubs => ({
  'events.get': () => event,
  'members.list': () => ({ rows: [], total: 0, offset: 0, limit: 50 }),
  ...extra,
});

describe('event form', () => {
  it('loads an event with its agenda and attendance, the units named', async () => {
    stubApi(stubs());
    renderWithProviders(<EventForm open eventId={EVENT} onClose={() => undefined} />);
    await waitFor(() => expect((screen.getByLabelText('活动名称') as HTMLInputElement).value).toBe('成立大会'));
    expect((screen.getByLabelText('内容 1') as HTMLInputElement).value).toBe('致辞');
    expect(screen.getAllByTitle('长春职业技术学院').length).toBeGreaterThan(0);
    expect((screen.getByLabelText('地点') as HTMLInputElement).value).toBe('汽开区会议中心');
  });

  it('marks everyone invited as attended and saves the event as the core takes it', async () => {
    const calls = stubApi(stubs({ 'events.update': (input) => ({ ...event, title: input.title }) }));
    const onClose = vi.fn();
    renderWithProviders(<EventForm open eventId={EVENT} onClose={onClose} />);
    const title = await screen.findByLabelText('活动名称');
    await waitFor(() => expect((title as HTMLInputElement).value).toBe('成立大会'));
    await userEvent.clear(title);
    await userEvent.type(title, '长春市汽车产业集群产教联合体成立大会');
    fireEvent.click(screen.getByRole('button', { name: '已邀请的全部标记为已到会' }));
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = calls.find((c) => c.method === 'events.update')!.input as Record<string, any>;
    expect(sent).toMatchObject({ id: EVENT, title: '长春市汽车产业集群产教联合体成立大会', type: 'founding_congress', date: '2023-08-19', startTime: '09:30', endTime: null, organizers: ['长春市教育局'], minutes: null });
    expect(sent.agenda).toEqual([{ kind: 'speech', title: '致辞', presenterName: '王明', presenterOrganizationId: BUREAU }]);
    // The invited came; the absent stays absent.
    expect(sent.attendance).toEqual([
      { organizationId: BUREAU, person: '王明', status: 'attended' },
      { organizationId: SCHOOL, person: null, status: 'absent' },
    ]);
  });

  it('refuses a new event without a date, naming the field, and keeps the title', async () => {
    stubApi(stubs({ 'events.create': () => ({}) }));
    renderWithProviders(<EventForm open eventId={null} onClose={() => undefined} />);
    await userEvent.type(await screen.findByLabelText('活动名称'), '校企合作签约仪式');
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    // The stub checks the input as the core does: no date is the core's "required", shown at the date.
    expect(await screen.findByText('必填')).toBeTruthy();
    expect((screen.getByLabelText('活动名称') as HTMLInputElement).value).toBe('校企合作签约仪式');
  });
});
