/// <reference types="vite/client" />
// Types the ipr-* tags in templates (Vue's GlobalComponents).
import type {} from '@ipr/elements/vue';
