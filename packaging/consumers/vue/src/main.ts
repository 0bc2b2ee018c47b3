import { createApp } from 'vue';
// Registers every ipr-* tag.
import '@ipr/elements/define';
import App from './App.vue';

createApp(App).mount('#app');
