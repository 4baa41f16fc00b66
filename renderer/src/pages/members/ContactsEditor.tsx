// The member's contact people inside the member form; one of them is the primary contact.
import { Button, Card, Checkbox, Col, Form, Input, Row, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactValues, MemberFormValues } from './memberFormValues';

export function ContactsEditor({ form }: { form: FormInstance<MemberFormValues> }) {
  const { t } = useTranslation();
  const makePrimary = (index: number) => {
    const contacts = (form.getFieldValue('contacts') as ContactValues[] | undefined) ?? [];
    form.setFieldValue(
      'contacts',
      contacts.map((c, i) => ({ ...c, isPrimary: i === index })),
    );
  };
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${t('form.contacts')} ${index + 1}`}
              extra={
                <Button type="link" danger onClick={() => remove(field.name)} aria-label={`${t('form.removeContact')} ${index + 1}`}>
                  {t('form.removeContact')}
                </Button>
              }
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name={[field.name, 'name']} label={t('field.contact.name')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'title']} label={t('field.contact.title')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'isPrimary']} valuePropName="checked" label=" ">
                    <Checkbox onChange={(event) => event.target.checked && makePrimary(index)}>{t('field.contact.isPrimary')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'mobile']} label={t('field.contact.mobile')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'phone']} label={t('field.contact.phone')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'email']} label={t('field.contact.email')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block onClick={() => add({ isPrimary: fields.length === 0 })}>
            {t('form.addContact')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
