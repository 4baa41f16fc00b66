// The event form's data: the event, saving and deleting, and the one-click "everyone came".
import { Form } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { EMPTY_EVENT, inputFromEventValues, knownNamesOf, valuesFromEvent, type EventFormValues } from './eventFormValues';

export interface EventFormProps {
  open: boolean;
  /** null for a new event. */
  eventId: string | null;
  onClose(): void;
}

export function useEventForm({ open, eventId, onClose }: EventFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventFormValues>();
  const event = useApiQuery('events.get', { id: eventId ?? '' }, { enabled: open && eventId !== null });
  const safety = useFormSafety({ form, open, kind: 'event', recordId: eventId, onClose, focusField: 'title' });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(eventId === null ? EMPTY_EVENT : event.data ? valuesFromEvent(event.data) : {});
    if (eventId === null || event.data) safety.markClean();
    // (The safety's functions are new each render; what the form opened with is what matters.)
  }, [open, eventId, event.data, form]);
  const knownNames = useMemo(() => knownNamesOf(event.data), [event.data]);
  const { save, remove } = useRecordMutations({
    form,
    save: (values: EventFormValues, refresh) => {
      const input = inputFromEventValues(values);
      return eventId === null ? refresh('events.create', input) : refresh('events.update', { ...input, id: eventId });
    },
    remove: (refresh) => refresh('events.delete', { id: eventId! }),
    savedMessage: (saved) => t('events.form.saved', { title: saved.title }),
    deletedMessage: () => t('events.form.deleted', { title: event.data?.title ?? '' }),
    onClose: safety.closeDone,
  });
  /** Everyone still invited has come: marked in the form, saved with it. */
  const markAllAttended = () => {
    const attendance = (form.getFieldValue('attendance') as EventFormValues['attendance']) ?? [];
    form.setFieldValue(
      'attendance',
      attendance.map((a) => (a.status === 'invited' || !a.status ? { ...a, status: 'attended' } : a)),
    );
    safety.onValuesChange(); // set by code, which the form does not report as a change
  };
  return { form, event, knownNames, save, remove, markAllAttended, safety };
}
