// The CDN bundle's on-demand part: the complaint form and the two pickers it renders (the
// largest elements), loaded and registered by `loadFormElements()` of `cdn.ts`.
export { IprProductPicker } from './components/product-picker/product-picker.component.js';
export { IprEvidencePicker } from './components/evidence-picker/evidence-picker.component.js';
export { IprComplaintForm } from './components/complaint-form/complaint-form.component.js';
