// New / edit member. The core validates; its per-field errors are shown next to the fields and the
// form keeps everything the clerk typed. A USCC whose prefix does not fit the category is a
// warning shown under the field, never a reason to refuse the save. Data and actions: useMemberForm.
import { Alert, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, ORGANIZATION_CATEGORIES } from '../../../../core/contract/codes';
import { errorText, issueText } from '../../api/errors';
import { RestoredDraftNotice } from '../../components/Drafts';
import { RecordHistory } from '../../components/RecordHistory';
import { ContactsEditor } from './ContactsEditor';
import { MemberAgreements } from './MemberAgreements';
import { MemberRoleHistory } from './MemberRoleHistory';
import { RelatedProjects } from '../projects/RelatedProjects';
import type { MemberFormValues } from './memberFormValues';
import { StatusChanger } from './StatusChanger';
import { useMemberForm } from './useMemberForm';

export interface MemberFormProps {
  open: boolean;
  /** null for a new member. */
  memberId: string | null;
  onClose(): void;
}

export function MemberForm({ open, memberId, onClose }: MemberFormProps) {
  const { t } = useTranslation();
  const { form, member, save, remove, usccWarning, setUsccWarning, usccReading, checkUscc, safety } = useMemberForm({ open, memberId, onClose });
  const label = (field: string) => t(`field.organization.${field}`);
  const loading = memberId !== null && member.isPending;
  const isNew = memberId === null;

  return (
    <Drawer
      open={open}
      onClose={safety.requestClose}
      keyboard={false}
      rootClassName={safety.rootClassName}
      width={760}
      title={isNew ? t('form.newTitle') : t('form.editTitle')}
      destroyOnHidden={false}
      extra={
        <Space>
          <Button onClick={safety.requestClose}>{t('form.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={loading}>
            {t('form.save')}
          </Button>
        </Space>
      }
    >
      {loading ? (
        <Spin />
      ) : member.isError ? (
        <Alert type="error" showIcon message={errorText(t, member.error)} />
      ) : (
        <>
          <RestoredDraftNotice restored={safety.restored} onDiscard={safety.discardRestored} />
          <Form<MemberFormValues>
            form={form}
            name="member"
            layout="vertical"
            onFinish={(values) => save.mutate(values)}
            onValuesChange={(changed) => {
              safety.onValuesChange();
              if ('uscc' in changed) setUsccWarning(null);
              if ('category' in changed && form.getFieldValue('uscc')) void checkUscc();
            }}
          >
            {save.isError && <Alert type="error" showIcon message={t('form.fixErrors')} style={{ marginBottom: 16 }} />}
            <Row gutter={16}>
              <Col span={24}>
                <Form.Item name="name" label={label('name')} required>
                  <Input maxLength={200} autoFocus={isNew} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="category" label={label('category')} required>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={ORGANIZATION_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="role" label={label('role')} extra={t('council.roleFieldHint')}>
                  <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="uscc"
                  label={label('uscc')}
                  validateStatus={usccWarning ? 'warning' : undefined}
                  help={
                    usccWarning || usccReading ? (
                      <>
                        {usccWarning && <div data-testid="uscc-warning">{issueText(t, usccWarning)}</div>}
                        {usccReading && (
                          <div data-testid="uscc-reading">
                            {t('form.usccReading', { department: usccReading.department, kind: usccReading.kind, region: usccReading.region ?? t('form.usccRegionUnknown', { code: usccReading.regionCode }) })}
                          </div>
                        )}
                      </>
                    ) : undefined
                  }
                >
                  <Input placeholder={t('form.usccPlaceholder')} maxLength={40} onBlur={() => void checkUscc()} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="shortName" label={label('shortName')}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="joinDate" label={label('joinDate')}>
                  <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
                </Form.Item>
              </Col>
              {isNew && (
                <Col span={12}>
                  <Form.Item name="status" label={label('status')}>
                    <Select options={(['applied', 'active', 'suspended'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
                  </Form.Item>
                </Col>
              )}
              <Col span={24}>
                <Form.Item name="aliases" label={label('aliases')}>
                  <Select mode="tags" open={false} placeholder={t('form.aliasesPlaceholder')} tokenSeparators={[',', '，', '、']} />
                </Form.Item>
              </Col>
            </Row>
  
            <Divider titlePlacement="start">{t('form.contacts')}</Divider>
            <ContactsEditor form={form} />
  
            <Divider titlePlacement="start">{t('form.basics')}</Divider>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="legalRepresentative" label={label('legalRepresentative')}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="postcode" label={label('postcode')}>
                  <Input maxLength={10} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="address" label={label('address')}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="website" label={label('website')}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="rosterRank" label={label('rosterRank')} extra={t('form.rosterRankHelp')}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="pinyinOverride" label={label('pinyinOverride')} extra={t('form.pinyinOverrideHelp')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="notes" label={label('notes')}>
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </>
      )}

      {!isNew && member.data && (
        <>
          <Divider titlePlacement="start">{t('agreements.memberAgreements')}</Divider>
          <MemberAgreements memberId={member.data.id} />
          <Divider titlePlacement="start">{t('nav.projects')}</Divider>
          <RelatedProjects organizationId={member.data.id} />
          <Divider titlePlacement="start">{t('council.roleHistory')}</Divider>
          <MemberRoleHistory memberId={member.data.id} />
          <Divider titlePlacement="start">{t('history.title')}</Divider>
          <RecordHistory entity="organization" id={member.data.id} />
          <Divider titlePlacement="start">{t('form.membership')}</Divider>
          <StatusChanger member={member.data} />
          <Divider />
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text type="secondary">{t('form.createdAt', { at: new Date(member.data.createdAt).toLocaleDateString() })}</Typography.Text>
            <Popconfirm title={t('form.deleteConfirm', { name: member.data.name })} onConfirm={() => remove.mutate()} okButtonProps={{ danger: true }}>
              <Button danger loading={remove.isPending}>
                {t('form.delete')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      )}
    </Drawer>
  );
}
