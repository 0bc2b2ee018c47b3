import { createContext } from '@lit/context';
import type { IprClient } from './api.js';

// Keys from the global symbol registry: two copies of the SDK on one page still find each other's provider.
/** The `@ipr/client` instance `<ipr-provider>` hands to the elements inside it. */
export const clientContext = createContext<IprClient | undefined>(Symbol.for('ipr.client'));
/** The UI locale `<ipr-provider locale>` hands down (an element's own `locale` attribute wins). */
export const localeContext = createContext<string | undefined>(Symbol.for('ipr.locale'));

export type Theme = 'light' | 'dark' | 'auto';
/** The theme `<ipr-provider theme>` hands down (an element's own `theme` attribute wins). */
export const themeContext = createContext<Theme | undefined>(Symbol.for('ipr.theme'));
