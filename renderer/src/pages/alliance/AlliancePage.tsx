// The alliance profile: read as a description list, edited in place; fields and labels from its model.
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLIANCE_LEVELS } from '../../../../core/contract/codes';
import { allianceFields } from '../../../../core/alliance/fields';
import { errorText } from '../../api/errors';
import { showFieldErrors } from '../../api/formErrors';
import { useApiMutation } from '../../api/queries';
import { formValuesOf, inputOfForm, type FormValuesOf } from '../../forms/model-values';
import { RestoredDraftNotice, DraftsBar } from '../../components/Drafts';
import { useFormSafety } from '../../hooks/useFormSafety';
import { useOverview } from '../../hooks/useOverview';
import { NumberPatternSetting } from './NumberPatternSetting';

type ProfileValues = FormValuesOf<typeof allianceFields>;

export function AlliancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const overview = useOverview();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ProfileValues>();
  const profile = overview.data?.profile ?? null;
  const label = (field: string) => t(`field.alliance.${field}`);

  // Edited in place, with what every record form has: asks before discarding, Ctrl+S, a draft.
  const safety = useFormSafety({ form, open: editing, kind: 'alliance', recordId: profile?.id ?? null, onClose: () => setEditing(false), focusField: 'name' });
  const save = useApiMutation('alliance.update', {
    onSuccess: () => {
      message.success(t('alliance.saved'));
      safety.closeDone();
    },
    onError: (error) => showFieldErrors(form, error, t) || message.error(errorText(t, error)),
  });

  const startEditing = () => {
    form.resetFields();
    form.setFieldsValue(profile ? formValuesOf(allianceFields, profile) : { leadUnits: [] });
    safety.markClean();
    setEditing(true);
  };

  return (
    <div style={{ padding: 20, overflow: 'auto' }}>
      {!editing && <DraftsBar kind="alliance" onResume={startEditing} />}
      <Card
        className={safety.rootClassName}
        title={t('alliance.title')}
        extra={
          !editing && (
            <Button onClick={startEditing} type="primary">
              {t('alliance.edit')}
            </Button>
          )
        }
      >
        {editing ? (
          <Form<ProfileValues> form={form} name="alliance" layout="vertical" onFinish={(v) => !save.isPending && save.mutate(inputOfForm(allianceFields, v))} onValuesChange={safety.onValuesChange} style={{ maxWidth: 640 }}>
            <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
            <Form.Item name="name" label={label('name')} required>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="shortName" label={label('shortName')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="level" label={label('level')}>
              <Select allowClear options={ALLIANCE_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
            </Form.Item>
            <Form.Item name="foundingDate" label={label('foundingDate')}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="leadUnits" label={label('leadUnits')}>
              <Select mode="tags" open={false} placeholder={t('form.aliasesPlaceholder')} />
            </Form.Item>
            <Form.Item name="secretariatHost" label={label('secretariatHost')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="councilTerm" label={label('councilTerm')}>
              <Input maxLength={50} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('alliance.save')}
              </Button>
              <Button onClick={safety.requestClose}>{t('alliance.cancel')}</Button>
            </Space>
          </Form>
        ) : profile ? (
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label={label('name')}>{profile.name}</Descriptions.Item>
            <Descriptions.Item label={label('shortName')}>{profile.shortName}</Descriptions.Item>
            <Descriptions.Item label={label('level')}>{profile.level ? t(`level.${profile.level}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={label('foundingDate')}>{profile.foundingDate}</Descriptions.Item>
            <Descriptions.Item label={label('leadUnits')}>{profile.leadUnits.join('、')}</Descriptions.Item>
            <Descriptions.Item label={label('secretariatHost')}>{profile.secretariatHost}</Descriptions.Item>
            <Descriptions.Item label={label('councilTerm')}>{profile.councilTerm}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.memberCount')}>{overview.data?.memberCount}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty description={t('alliance.none')} />
        )}
      </Card>
      <NumberPatternSetting />
    </div>
  );
}
