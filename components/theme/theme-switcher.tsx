'use client';
// The theme choice in the header: as the system says, light, or dark; remembered in this browser.
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';
import { THEMES, type ThemeChoice } from './theme-provider';

const subscribeNever = () => () => undefined;

export function ThemeSwitcher() {
  const t = useTranslations('theme');
  const { theme, setTheme } = useTheme();
  // The server cannot know the stored choice: render "system" until the browser has said.
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const value: ThemeChoice =
    hydrated && (THEMES as readonly string[]).includes(theme ?? '')
      ? (theme as ThemeChoice)
      : 'system';
  return (
    <label className="flex items-center gap-2 text-sm text-slate-200">
      <span className="sr-only">{t('label')}</span>
      <select
        value={value}
        onChange={(e) => setTheme(e.target.value)}
        data-testid="theme-switcher"
        className="h-8 rounded-md border border-slate-500 bg-slate-800 px-2 text-white"
      >
        {THEMES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`choices.${choice}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
