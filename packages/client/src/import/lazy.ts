// The spreadsheet import pipeline (reading, classifying rows, the template) is loaded on first
// use: these wrappers keep the public functions' signatures (they already return promises), and a
// bundler makes the pipeline a separate chunk instead of putting it on every page's initial path.
import type * as Pipeline from './index.js';
import type * as Template from './template.js';

export const importLinks: typeof Pipeline.importLinks = (...args) =>
  import('./index.js').then((m) => m.importLinks(...args));
export const createTemplate: typeof Template.createTemplate = (...args) =>
  import('./template.js').then((m) => m.createTemplate(...args));
export const downloadTemplate: typeof Template.downloadTemplate = (...args) =>
  import('./template.js').then((m) => m.downloadTemplate(...args));
/** Gets the import pipeline and its parser worker ready (SheetJS compiled) before a file is chosen. */
export const preloadImport: typeof Pipeline.warmImportWorker = (...args) =>
  import('./index.js').then((m) => m.warmImportWorker(...args));
