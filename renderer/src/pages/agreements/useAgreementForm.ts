// The agreement form's data: the agreement, the earlier agreements it may renew, the type its parties
// suggest (followed until the clerk picks one, with the core's reason when a chosen type cannot fit
// them), saving and deleting.
import { Form } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { EMPTY_AGREEMENT, inputFromAgreementValues, valuesFromAgreement, type AgreementFormValues } from './agreementFormValues';

export interface AgreementFormProps {
  open: boolean;
  /** null for a new agreement. */
  agreementId: string | null;
  /** Values a new agreement starts with (a member's page starts it with that member). */
  defaults?: AgreementFormValues;
  onClose(): void;
}

export function useAgreementForm({ open, agreementId, defaults, onClose }: AgreementFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AgreementFormValues>();
  const [typeChosen, setTypeChosen] = useState(false);
  const agreement = useApiQuery('agreements.get', { id: agreementId ?? '' }, { enabled: open && agreementId !== null });
  const safety = useFormSafety({ form, open, kind: 'agreement', recordId: agreementId, onClose, focusField: 'title' });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(agreementId === null ? { ...EMPTY_AGREEMENT, ...defaults } : agreement.data ? valuesFromAgreement(agreement.data) : {});
    setTypeChosen(agreementId !== null);
    if (agreementId === null || agreement.data) safety.markClean();
    // (The safety's functions are new each render; what the form opened with is what matters.)
  }, [open, agreementId, agreement.data, form, defaults]);

  // Candidates for "renews or amends": the secretariat's agreements, newest first.
  const earlier = useApiQuery('agreements.list', { limit: 500 }, { enabled: open });
  const parties = Form.useWatch('parties', form);
  const type = Form.useWatch('type', form);
  const status = Form.useWatch('status', form);
  const organizationIds = useMemo(() => (parties ?? []).map((p) => p?.organizationId).filter((id): id is string => Boolean(id)), [parties]);
  const suggestion = useApiQuery('agreements.suggestType', { organizationIds, type: type ?? undefined }, { enabled: open && organizationIds.length >= 2 });
  useEffect(() => {
    if (!typeChosen && suggestion.data && suggestion.data.suggested !== form.getFieldValue('type')) form.setFieldValue('type', suggestion.data.suggested);
  }, [suggestion.data, typeChosen, form]);

  const knownNames = useMemo(() => Object.fromEntries((agreement.data?.parties ?? []).map((p) => [p.organizationId, p.name])), [agreement.data]);
  const { save, remove } = useRecordMutations({
    form,
    save: (values: AgreementFormValues, refresh) => {
      const input = inputFromAgreementValues(values);
      return agreementId === null ? refresh('agreements.create', input) : refresh('agreements.update', { ...input, id: agreementId });
    },
    remove: (refresh) => refresh('agreements.delete', { id: agreementId! }),
    savedMessage: (saved) => t('agreements.form.saved', { number: saved.number }),
    deletedMessage: () => t('agreements.form.deleted', { number: agreement.data?.number ?? '' }),
    onClose: safety.closeDone,
  });

  return {
    form,
    agreement,
    earlier: (earlier.data?.rows ?? []).filter((a) => a.id !== agreementId),
    suggestion: suggestion.data ?? null,
    chooseType: () => setTypeChosen(true),
    status,
    knownNames,
    save,
    remove,
    safety,
  };
}
