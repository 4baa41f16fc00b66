// An event's attendance: the units invited, who came for them, and whether they came.
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES } from '../../../../core/contract/codes';
import { MemberSelect } from '../../components/MemberSelect';

export function AttendanceEditor({ knownNames, onAllAttended }: { knownNames: Record<string, string>; onAllAttended(): void }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`field.attendance.${field}`);
  return (
    <Form.List name="attendance">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={8} key={field.key}>
              <Col span={11}>
                <Form.Item name={[field.name, 'organizationId']}>
                  <MemberSelect knownNames={knownNames} aria-label={`${label('organizationId')} ${index + 1}`} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'person']}>
                  <Input placeholder={label('person')} maxLength={50} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[field.name, 'status']} initialValue="invited">
                  <Select options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendanceStatus.${s}`) }))} />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Button type="text" danger onClick={() => remove(field.name)}>
                  {t('events.form.remove')}
                </Button>
              </Col>
            </Row>
          ))}
          <Space>
            <Button type="dashed" onClick={() => add({ status: 'invited' })}>
              {t('events.form.addAttendance')}
            </Button>
            <Button onClick={onAllAttended} disabled={fields.length === 0}>
              {t('events.form.allAttended')}
            </Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}
