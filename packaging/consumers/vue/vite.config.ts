import { isIprElement } from '@ipr/elements/vue';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // The ipr-* tags are custom elements: Vue leaves them to the browser.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isIprElement } } })],
});
