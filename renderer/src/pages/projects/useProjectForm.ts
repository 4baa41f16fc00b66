// The project form's data: what it opens with, its save and delete, and the safety every record form
// has (asks before discarding, Esc, Ctrl+S, a draft). ProjectForm.tsx is the view over it.
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../core/projects/contract';
import { useFormOpening } from '../../hooks/useFormOpening';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useRecordMutations } from '../../hooks/useRecordMutations';
import { emptyProject, inputFromProjectValues, valuesFromProject, type ProjectFormValues } from './projectFormValues';

export function useProjectForm({ project, open, onClose, agreementId }: { project: Project | null; open: boolean; onClose(): void; agreementId: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProjectFormValues>();
  const safety = useFormSafety({ form, open, kind: 'project', recordId: project?.id ?? null, onClose, focusField: 'name' });
  useFormOpening(form, open, project, () => (project ? valuesFromProject(t, project) : emptyProject(agreementId)), safety);
  const { save, remove } = useRecordMutations({
    form,
    save: (values: ProjectFormValues, refresh) => {
      const input = inputFromProjectValues(t, values);
      return project ? refresh('projects.update', { ...input, id: project.id }) : refresh('projects.create', input);
    },
    remove: (refresh) => refresh('projects.delete', { id: project!.id }),
    savedMessage: (saved) => t('projects.saved', { name: saved.name }),
    deletedMessage: () => t('projects.deleted'),
    onClose: safety.closeDone,
    // The core names partners.N.organizationId; the form holds them in one multiple select.
    namePathOf: (path) => (path.startsWith('partners.') ? ['partnerIds'] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))),
  });
  return { form, safety, save, remove };
}
