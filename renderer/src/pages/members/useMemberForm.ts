// The member form's data: the member, saving (with the core's warnings and field errors), deleting,
// the credit code check as the clerk types, and asking before unsaved changes are thrown away.
import { useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsccCheck, Warning } from '../../../../core/members/contract';
import { call } from '../../api/client';
import { issueText } from '../../api/errors';
import { queryKeyOf, useApiQuery } from '../../api/queries';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { EMPTY_MEMBER, formNamePath, inputFromValues, valuesFromMember, type MemberFormValues } from './memberFormValues';

export function useMemberForm({ open, memberId, onClose }: { open: boolean; memberId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberFormValues>();
  const [usccWarning, setUsccWarning] = useState<Warning | null>(null);
  const [usccReading, setUsccReading] = useState<UsccCheck['reading']>(null);
  const safety = useFormSafety({ form, open, kind: 'member', recordId: memberId, onClose, focusField: 'name' });
  const member = useApiQuery('members.get', { id: memberId ?? '' }, { enabled: open && memberId !== null });

  useEffect(() => {
    if (!open) return;
    setUsccWarning(null);
    setUsccReading(null);
    form.resetFields();
    form.setFieldsValue(memberId === null ? EMPTY_MEMBER : member.data ? valuesFromMember(member.data) : {});
    // Not until the record is there: a draft is restored over what is stored, not over an empty form.
    if (memberId === null || member.data) safety.markClean();
    // What the stored code says, shown under it from the start.
    if (member.data?.uscc && memberId !== null) void checkUscc();
    // (The safety's functions are new each render; what the form opened with is what matters.)
  }, [open, memberId, member.data, form]);

  const { save, remove } = useRecordMutations({
    form,
    save: async (values: MemberFormValues, refresh) => {
      const input = inputFromValues(values);
      const status = values.status === 'applied' || values.status === 'suspended' ? values.status : 'active';
      const saved = memberId === null ? await refresh('members.create', { ...input, status }) : await refresh('members.update', { ...input, id: memberId });
      for (const warning of saved.warnings) message.warning(issueText(t, warning));
      form.resetFields();
      return saved;
    },
    remove: async (refresh) => {
      const removed = await refresh('members.delete', { id: memberId! });
      // The record is gone: drop it rather than ask the core for it again.
      queryClient.removeQueries({ queryKey: queryKeyOf('members.get', { id: memberId! }) });
      return removed;
    },
    savedMessage: (saved) => t('form.saved', { name: saved.member.name }),
    deletedMessage: () => t('form.deleted', { name: member.data?.name ?? '' }),
    onClose: safety.closeDone,
    namePathOf: formNamePath,
  });

  /** Normalises the code as typed and shows the core's warning when its prefix does not fit the category. */
  const checkUscc = async () => {
    const uscc = form.getFieldValue('uscc') as string | undefined;
    setUsccWarning(null);
    setUsccReading(null);
    if (!uscc || !uscc.trim()) return;
    try {
      const check = await call('members.checkUscc', { uscc, category: form.getFieldValue('category') });
      if (check.normalised !== uscc) form.setFieldValue('uscc', check.normalised);
      if (check.valid) {
        form.setFields([{ name: 'uscc', errors: [] }]);
        setUsccWarning(check.warning);
        setUsccReading(check.reading);
      }
    } catch {
      // The save will report the problem; a failed check must not block typing.
    }
  };

  return { form, member, save, remove, usccWarning, setUsccWarning, usccReading, checkUscc, safety };
}
