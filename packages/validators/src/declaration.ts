import type { Locale } from './messages/format.js';

export interface DeclarationText {
  /** The heading above the three statements. */
  title: string;
  goodFaith: string;
  accurate: string;
  authorised: string;
}

/**
 * The good-faith and accuracy declaration the complainant confirms on submit, in the words of
 * version `DECLARATION_VERSION` (a new wording gets a new version; the server stores the version
 * confirmed). The keys match `DeclarationSchema`'s booleans.
 */
export const DECLARATION_TEXT: Record<Locale, DeclarationText> = {
  en: {
    title: 'Declaration',
    goodFaith:
      'I have a good-faith belief that the use of the material is not authorised by the right holder, its agent or the law.',
    accurate: 'The information in this complaint is accurate.',
    authorised: 'I am the right holder or authorised to act on its behalf.',
  },
  'zh-CN': {
    title: '声明',
    goodFaith: '我善意地相信，所投诉的使用未经权利人、其代理人或法律授权。',
    accurate: '本投诉中的信息准确无误。',
    authorised: '我是权利人或已获授权代表权利人。',
  },
};
