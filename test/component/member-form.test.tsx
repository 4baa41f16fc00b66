import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MemberForm } from '../../renderer/src/pages/members/MemberForm';
import { chooseOption } from './antd';
import { aMember } from './fixtures';
import { renderWithProviders, StubError, stubApi, type StubAnswer } from './render';

const checksumError = new StubError({
  code: 'VALIDATION',
  message: 'Invalid input',
  details: {
    key: 'errors.validation',
    fields: {
      uscc: { key: 'validation.uscc.checksum', params: { expected: '3', actual: '4' }, message: 'The check character should be 3, not 4' },
      'contacts.0.email': { key: 'validation.email', message: 'Expected an e-mail address.' },
    },
  },
});

const MEMBER_ID = '6f1c2a0e-8b1e-4c7a-9d2f-0a1b2c3d4e5f';

function savedMember(input: { name: string }) {
  return { member: { id: MEMBER_ID, name: input.name, contacts: [] }, warnings: [] };
}

describe('member form', () => {
  it('shows the core’s field errors inline and keeps what the clerk typed', async () => {
    let create: (input: { name: string }) => StubAnswer<'members.create'> = () => checksumError;
    const calls = stubApi({
      'members.create': (input) => create(input),
      'members.checkUscc': (input) => ({ normalised: input.uscc, valid: false, problem: { reason: 'checksum' }, warning: null }),
    });
    const onClose = vi.fn();
    renderWithProviders(<MemberForm open memberId={null} onClose={onClose} />);

    fireEvent.change(await screen.findByLabelText('单位全称'), { target: { value: '长春新锐汽车电子有限公司' } });
    await chooseOption('类别', '企业');
    fireEvent.change(screen.getByLabelText('统一社会信用代码'), { target: { value: '91350100M000100Y44' } });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李华' } });
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));

    expect(await screen.findByText('校验位应为 3，实际为 4，可能有字符输错')).toBeTruthy();
    expect(screen.getByText('电子邮箱格式不正确')).toBeTruthy();
    expect((screen.getByLabelText('单位全称') as HTMLInputElement).value).toBe('长春新锐汽车电子有限公司');
    expect((screen.getByLabelText('统一社会信用代码') as HTMLInputElement).value).toBe('91350100M000100Y44');
    expect((screen.getByLabelText('电子邮箱') as HTMLInputElement).value).toBe('not-an-email');
    expect(onClose).not.toHaveBeenCalled();

    create = savedMember;
    fireEvent.change(screen.getByLabelText('统一社会信用代码'), { target: { value: '91350100M000100Y43' } });
    fireEvent.change(screen.getByLabelText('电子邮箱'), { target: { value: 'li@example.cn' } });
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = calls.filter((c) => c.method === 'members.create').at(-1)!.input as Record<string, any>;
    expect(sent).toMatchObject({ name: '长春新锐汽车电子有限公司', category: 'enterprise', uscc: '91350100M000100Y43', status: 'active', role: 'member' });
    expect(sent.contacts).toEqual([{ name: '李华', title: null, mobile: null, phone: null, email: 'li@example.cn', isPrimary: true }]);
  });

  it('shows a USCC whose prefix does not fit the category as a warning, without blocking the save', async () => {
    stubApi({
      'members.checkUscc': (input) => ({
        normalised: input.uscc.toUpperCase(),
        valid: true,
        problem: null,
        warning: { field: 'uscc', key: 'warnings.usccCategory', params: { prefix: '91', expected: '11 / 12' }, message: 'usually 11 / 12' },
      }),
      'members.create': savedMember,
    });
    const onClose = vi.fn();
    renderWithProviders(<MemberForm open memberId={null} onClose={onClose} />);
    fireEvent.change(await screen.findByLabelText('单位全称'), { target: { value: '长春市商务局' } });
    await chooseOption('类别', '政府机构');
    const uscc = screen.getByLabelText('统一社会信用代码');
    fireEvent.change(uscc, { target: { value: '91350100m000100y43' } });
    fireEvent.blur(uscc);
    expect((await screen.findByTestId('uscc-warning')).textContent).toBe('此类单位的代码通常以 11 / 12 开头，当前为 91。请核对；如确认无误可直接保存。');
    await waitFor(() => expect((uscc as HTMLInputElement).value).toBe('91350100M000100Y43'));
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('loads an existing member into the form', async () => {
    stubApi({
      'agreements.list': () => ({ rows: [], total: 0, offset: 0, limit: 20 }),
      'terms.roleHistory': () => [],
      'projects.list': () => [],
      'changes.forRecord': () => [],
      'members.get': () =>
        aMember({
          id: MEMBER_ID,
          name: '吉林大学',
          shortName: '吉大',
          category: 'university',
          role: 'executive_vice_chair',
          joinDate: '2023-08-19',
          contacts: [{ id: 'c1', organizationId: MEMBER_ID, name: '张伟', title: '处长', phone: null, mobile: '13800000000', email: null, isPrimary: true, sortOrder: 0 }],
        }),
    });
    renderWithProviders(<MemberForm open memberId={MEMBER_ID} onClose={() => undefined} />);
    await waitFor(() => expect((screen.getByLabelText('单位全称') as HTMLInputElement).value).toBe('吉林大学'));
    expect((screen.getByLabelText('简称') as HTMLInputElement).value).toBe('吉大');
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('张伟');
    expect(screen.getByText('编辑成员单位')).toBeTruthy();
  });
});
