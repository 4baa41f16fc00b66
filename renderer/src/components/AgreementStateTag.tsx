// An agreement's state as a coloured tag: in force, expiring within 90 days, expired …
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementState } from '../../../core/contract/codes';

const STATE_COLORS: Record<AgreementState, string> = { draft: 'default', in_force: 'green', expiring: 'orange', expired: 'red', terminated: 'default' };

export function AgreementStateTag({ state }: { state: AgreementState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`agreementState.${state}`)}</Tag>;
}
