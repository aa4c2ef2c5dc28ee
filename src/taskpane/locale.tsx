/** The pane's language: its strings and the locale numbers are formatted in. */
import { createContext, useContext } from 'react';
import type { Locale } from '../domain';
import { vi, type Strings } from './strings';

export const StringsContext = createContext<Strings>(vi);

export function useStrings(): Strings {
  return useContext(StringsContext);
}

export function useLocale(): Locale {
  return useContext(StringsContext).locale === 'en' ? 'en' : 'vi';
}
