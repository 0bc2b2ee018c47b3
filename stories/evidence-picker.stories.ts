import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { IprEvidencePicker } from '@ipr/elements';
import { clientFor, pdfFile, TOKENS } from './support/api';
import { apiOf, localeOf, themeOf, type Common } from './support/common';

type Args = Common & { requireOriginal: boolean; failUploads: boolean; required: boolean };

const meta: Meta<Args> = {
  title: 'Elements/Evidence picker',
  component: 'ipr-evidence-picker',
  args: { requireOriginal: false, failUploads: false, required: true },
  render: (args, ctx) => {
    // Failed uploads: the network drops every POST /v1/evidence before it reaches the server.
    const client = clientFor(apiOf(ctx), TOKENS.complainantA, {
      failWhen: args.failUploads ? (r) => r.method === 'POST' && new URL(r.url).pathname === '/v1/evidence' : undefined,
    });
    return html`<ipr-evidence-picker .client=${client} locale=${localeOf(ctx)} theme=${themeOf(ctx)}
      ?required=${args.required} ?require-original=${args.requireOriginal} ?allow-original=${args.requireOriginal}></ipr-evidence-picker>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const picker = (root: HTMLElement) => root.querySelector<IprEvidencePicker>('ipr-evidence-picker')!;

/** The complainant's saved evidence, ready to pick. */
export const SavedList: Story = {};
/** Picture Embezzlement: the original picture is required. */
export const RequireOriginal: Story = { args: { requireOriginal: true } };
/** A new PDF uploaded to the reference API. */
export const Uploaded: Story = {
  play: async ({ canvasElement }) => {
    await picker(canvasElement).addFiles([pdfFile('trademark-certificate.pdf')]);
  },
};
/** A file refused before any request: not a PDF or image (its bytes are checked too). */
export const RefusedFile: Story = {
  play: async ({ canvasElement }) => {
    await picker(canvasElement).addFiles([
      new File(['MZ not really a pdf'], 'setup.exe', { type: 'application/x-msdownload' }),
    ]);
  },
};
/** A file over 5 MB: refused with the large-attachment message. */
export const TooLarge: Story = {
  play: async ({ canvasElement }) => {
    await picker(canvasElement).addFiles([pdfFile('scan.pdf', 6 * 1024 * 1024)]);
  },
};
/** The network failed during the upload: the row shows the error and can be retried. */
export const FailedUpload: Story = {
  args: { failUploads: true },
  play: async ({ canvasElement }) => {
    await picker(canvasElement).addFiles([pdfFile('evidence.pdf')]);
  },
};
export const Chinese: Story = { args: { locale: 'zh-CN' }, play: RefusedFile.play };
export const Dark: Story = { args: { theme: 'dark' }, play: Uploaded.play };
