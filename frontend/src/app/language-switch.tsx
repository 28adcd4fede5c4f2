import { useTranslation } from 'react-i18next';

/** Switches between Persian and English; the label is the other language, written in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const target = t('language.switchToLang');
  return (
    <button type="button" className="button button--ghost" lang={target} onClick={() => void i18n.changeLanguage(target)}>
      {t('language.switchTo')}
    </button>
  );
}
