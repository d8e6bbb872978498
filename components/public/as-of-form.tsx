import { getTranslations } from 'next-intl/server';
import { todayIso } from '@/lib/dates.ts';
import { EARLIEST_AS_OF } from '@/lib/validation/public-query.ts';

/** A plain GET form: choosing a date reloads the page as of that date, with or without JavaScript. */
export async function AsOfForm({ action, asOf }: { action: string; asOf: string | null }) {
  const t = await getTranslations('AsOf');
  return (
    <form key={`${action}?${asOf ?? ''}`} className="as-of-form" method="get" action={action} aria-label={t('formLabel')}>
      <label htmlFor="as-of-date">{t('label')}</label>
      <input
        id="as-of-date"
        type="date"
        name="asOf"
        defaultValue={asOf ?? ''}
        min={EARLIEST_AS_OF}
        max={todayIso()}
        aria-describedby="as-of-hint"
      />
      <button type="submit">{t('submit')}</button>
      <span id="as-of-hint" className="hint">
        {t('hint')}
      </span>
    </form>
  );
}
