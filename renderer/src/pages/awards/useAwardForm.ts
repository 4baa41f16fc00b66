// The award form's data: what it opens with, its save and delete, and the safety every record form
// has (asks before discarding, Esc, Ctrl+S, a draft). AwardForm.tsx is the view over it.
import { Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AwardKind } from '../../../../core/contract/codes';
import type { Award } from '../../../../core/awards/contract';
import { useFormOpening } from '../../hooks/useFormOpening';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { inputFromAwardValues, valuesFromAward, type AwardFormValues } from './awardFormValues';

export function useAwardForm({ kind, award, open, onClose }: { kind: AwardKind; award: Award | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AwardFormValues>();
  const safety = useFormSafety({ form, open, kind, recordId: award?.id ?? null, onClose, focusField: 'title' });
  useFormOpening(form, open, award, () => (award ? valuesFromAward(award) : { date: dayjs() }), safety);
  const { save, remove } = useRecordMutations({
    form,
    save: (values: AwardFormValues, refresh) => {
      const input = inputFromAwardValues(kind, values);
      return award ? refresh('awards.update', { ...input, id: award.id }) : refresh('awards.create', input);
    },
    remove: (refresh) => refresh('awards.delete', { id: award!.id }),
    savedMessage: (saved) => t('awards.saved', { number: saved.number }),
    deletedMessage: () => t('awards.deleted'),
    onClose: safety.closeDone,
  });
  return { form, safety, save, remove };
}
