// The CDN bundle's on-demand part: the complaint form, the two pickers it renders (the
// largest elements) and the saved holder profiles (which reuse the evidence picker), loaded and
// registered by `loadFormElements()` of `cdn.ts`.
export { IprProductPicker } from './components/product-picker/product-picker.component.js';
export { IprEvidencePicker } from './components/evidence-picker/evidence-picker.component.js';
export { IprComplaintForm } from './components/complaint-form/complaint-form.component.js';
export { IprHolderProfiles } from './components/holder-profiles/holder-profiles.component.js';
