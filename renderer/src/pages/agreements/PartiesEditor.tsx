// The parties of an agreement: each a member with its label (甲方/乙方…), representative and seal.
import { Button, Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PARTY_LABELS_ZH } from '../../../../core/contract/codes';
import { MemberSelect } from '../../components/MemberSelect';

export function PartiesEditor({ knownNames }: { knownNames: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key} align="top">
              <Col span={9}>
                <Form.Item name={[field.name, 'organizationId']} label={index === 0 ? t('field.party.organizationId') : undefined} required>
                  <MemberSelect knownNames={knownNames} aria-label={`${t('field.party.organizationId')} ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[field.name, 'label']} label={index === 0 ? t('field.party.label') : undefined}>
                  <Input placeholder={PARTY_LABELS_ZH[index]} maxLength={10} aria-label={`${t('field.party.label')} ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'signatoryName']} label={index === 0 ? t('field.party.signatoryName') : undefined}>
                  <Input maxLength={50} aria-label={`${t('field.party.signatoryName')} ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'signatoryTitle']} label={index === 0 ? t('field.party.signatoryTitle') : undefined}>
                  <Input maxLength={100} aria-label={`${t('field.party.signatoryTitle')} ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Form.Item name={[field.name, 'sealAffixed']} valuePropName="checked" label={index === 0 ? t('field.party.sealAffixed') : undefined}>
                  <Checkbox aria-label={`${t('field.party.sealAffixed')} ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Form.Item label={index === 0 ? ' ' : undefined}>
                  <Button type="link" danger disabled={fields.length <= 2} onClick={() => remove(field.name)}>
                    {t('agreements.form.removeParty')}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button type="dashed" block onClick={() => add({})} disabled={fields.length >= 10}>
            {t('agreements.form.addParty')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
