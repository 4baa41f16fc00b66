// An event's agenda in order: kind, content, presenter and the presenter's unit.
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS } from '../../../../core/contract/codes';
import { MemberSelect } from '../../components/MemberSelect';

export function AgendaEditor({ knownNames }: { knownNames: Record<string, string> }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`field.agenda.${field}`);
  return (
    <Form.List name="agenda">
      {(fields, { add, remove, move }) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key}>
              <Col span={1}>
                <Typography.Text type="secondary">{index + 1}</Typography.Text>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'kind']} initialValue="speech">
                  <Select aria-label={`${label('kind')} ${index + 1}`} options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`agendaKind.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'title']}>
                  <Input placeholder={label('title')} aria-label={`${label('title')} ${index + 1}`} maxLength={300} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item name={[field.name, 'presenterName']}>
                  <Input placeholder={label('presenterName')} maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'presenterOrganizationId']}>
                  <MemberSelect allowClear knownNames={knownNames} placeholder={label('presenterOrganizationId')} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Space size={0}>
                  <Button type="text" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="↑">
                    ↑
                  </Button>
                  <Button type="text" danger onClick={() => remove(field.name)}>
                    {t('events.form.remove')}
                  </Button>
                </Space>
              </Col>
            </Row>
          ))}
          <Button type="dashed" block onClick={() => add({ kind: 'speech' })}>
            {t('events.form.addAgenda')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
