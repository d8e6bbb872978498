'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type RefObject } from 'react';
import { formDataToObject } from '@/lib/forms/form-data.ts';

const PREFIX = 'ittifaq:draft:';

/**
 * Keeps a copy of a form's input in this browser while it is being typed, so nothing is lost to an
 * expired session, a reload or a closed tab. Restored when the form is opened again; cleared once the
 * form is saved. Never used for secrets.
 */
export function useLocalDraft(form: RefObject<HTMLFormElement | null>, key: string, saved: boolean) {
  const t = useTranslations('Forms');
  const storageKey = `${PREFIX}${key}`;
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const stored = window.localStorage.getItem(storageKey);
    if (!stored) return;
    try {
      // Restoring needs the stored draft after mount, when localStorage exists.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues(JSON.parse(stored) as Record<string, unknown>);
      setRestored(true);
    } catch {
      window.localStorage.removeItem(storageKey);
    }
  }, [storageKey]);

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const save = () => window.localStorage.setItem(storageKey, JSON.stringify(formDataToObject(new FormData(element))));
    element.addEventListener('input', save);
    element.addEventListener('change', save);
    return () => {
      element.removeEventListener('input', save);
      element.removeEventListener('change', save);
    };
  }, [form, storageKey]);

  useEffect(() => {
    if (saved) window.localStorage.removeItem(storageKey);
  }, [saved, storageKey]);

  const discard = () => {
    window.localStorage.removeItem(storageKey);
    setValues({});
    setRestored(false);
    form.current?.reset();
  };

  return { values, restored, discard, restoredText: t('draftRestored'), discardText: t('discardDraft') };
}
