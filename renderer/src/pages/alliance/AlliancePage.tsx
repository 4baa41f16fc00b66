// The alliance profile: read as a description list, edited in place.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLIANCE_LEVELS, type AllianceLevel } from '../../../../core/contract/codes';
import { ApiError, call } from '../../api/client';
import { errorText, issueText } from '../../api/errors';
import { overviewKey, useOverview } from '../../hooks/useOverview';
import { NumberPatternSetting } from './NumberPatternSetting';

interface ProfileValues {
  name?: string;
  shortName?: string;
  level?: AllianceLevel | null;
  foundingDate?: Dayjs | null;
  leadUnits?: string[];
  secretariatHost?: string;
  councilTerm?: string;
}

export function AlliancePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const overview = useOverview();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<ProfileValues>();
  const profile = overview.data?.profile ?? null;

  const save = useMutation({
    mutationFn: (v: ProfileValues) =>
      call('alliance.update', {
        name: v.name ?? '',
        shortName: v.shortName ?? null,
        level: v.level ?? null,
        foundingDate: v.foundingDate?.format('YYYY-MM-DD') ?? null,
        leadUnits: v.leadUnits ?? [],
        secretariatHost: v.secretariatHost ?? null,
        councilTerm: v.councilTerm ?? null,
      }),
    onSuccess: () => {
      message.success(t('alliance.saved'));
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: overviewKey });
      void queryClient.invalidateQueries({ queryKey: ['reports.roster'] });
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.shape.details?.fields : undefined;
      if (fields) form.setFields(Object.entries(fields).map(([name, issue]) => ({ name: name.split('.')[0] as keyof ProfileValues, errors: [issueText(t, issue)] })));
      else message.error(errorText(t, error));
    },
  });

  const startEditing = () => {
    form.setFieldsValue({
      name: profile?.name,
      shortName: profile?.shortName ?? undefined,
      level: profile?.level ?? null,
      foundingDate: profile?.foundingDate ? dayjs(profile.foundingDate) : null,
      leadUnits: profile?.leadUnits ?? [],
      secretariatHost: profile?.secretariatHost ?? undefined,
      councilTerm: profile?.councilTerm ?? undefined,
    });
    setEditing(true);
  };

  return (
    <div style={{ padding: 20, overflow: 'auto' }}>
      <Card
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
          <Form<ProfileValues> form={form} name="alliance" layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }}>
            <Form.Item name="name" label={t('alliance.name')} required>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="shortName" label={t('alliance.shortName')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="level" label={t('alliance.level')}>
              <Select allowClear options={ALLIANCE_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
            </Form.Item>
            <Form.Item name="foundingDate" label={t('alliance.foundingDate')}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="leadUnits" label={t('alliance.leadUnits')}>
              <Select mode="tags" open={false} placeholder={t('form.aliasesPlaceholder')} />
            </Form.Item>
            <Form.Item name="secretariatHost" label={t('alliance.secretariatHost')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="councilTerm" label={t('alliance.councilTerm')}>
              <Input maxLength={50} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('alliance.save')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('alliance.cancel')}</Button>
            </Space>
          </Form>
        ) : profile ? (
          <Descriptions column={1} bordered size="middle">
            <Descriptions.Item label={t('alliance.name')}>{profile.name}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.shortName')}>{profile.shortName}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.level')}>{profile.level ? t(`level.${profile.level}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.foundingDate')}>{profile.foundingDate}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.leadUnits')}>{profile.leadUnits.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.secretariatHost')}>{profile.secretariatHost}</Descriptions.Item>
            <Descriptions.Item label={t('alliance.councilTerm')}>{profile.councilTerm}</Descriptions.Item>
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
