// Loading and removing the sample alliance. Loading into a file that holds the clerk's own profile or
// records asks first (the core refuses until she confirms); removing takes exactly the sample away.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../api/errors';
import { useApiMutation } from '../api/queries';

export function useLoadSample(onLoaded?: () => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const load = useApiMutation('sample.load', {
    onSuccess: (result) => {
      onLoaded?.();
      void message.success(t('welcome.sampleLoaded', { count: result.memberCount }));
    },
    onError: (error) => {
      const key = error instanceof ApiError ? error.shape.details?.key : undefined;
      if (key === 'errors.sampleAsks' || key === 'errors.sampleAsksProfile') {
        modal.confirm({
          title: t('sample.askTitle'),
          content: errorText(t, error),
          okText: t('sample.askOk'),
          cancelText: t('form.cancel'),
          onOk: () => load.mutate({ confirmed: true }),
        });
        return;
      }
      void message.error(errorText(t, error));
    },
  });
  return { load: () => load.mutate({}), loading: load.isPending };
}

export function useRemoveSample() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const remove = useApiMutation('sample.remove', {
    onSuccess: ({ removed, kept }) => {
      void message.success(t('sample.removed', { members: removed.members, agreements: removed.agreements, events: removed.events }));
      if (kept.length > 0) {
        modal.info({ title: t('sample.keptTitle'), content: kept.map((k) => `${t(`sample.kind.${k.kind}`)}：${k.name}`).join('；') });
      }
    },
    onError: (error) => message.error(errorText(t, error)),
  });
  const ask = () =>
    modal.confirm({
      title: t('sample.removeTitle'),
      content: t('sample.removeBody'),
      okText: t('sample.removeOk'),
      okButtonProps: { danger: true },
      cancelText: t('form.cancel'),
      onOk: () => remove.mutateAsync({}).catch(() => undefined),
    });
  return { ask, loading: remove.isPending };
}
