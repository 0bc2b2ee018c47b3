import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { IprEvidencePicker } from '@ipr/elements';
import { pdfFile, TOKENS } from './support/api';
import { connectionArgTypes, setupArg, toolbarDefaults, type Common } from './support/common';
import { demoClient, renderFromArgs } from './support/render';

type Args = Common & {
  token?: string;
  name?: string;
  label?: string;
  required?: boolean;
  disabled?: boolean;
  'require-original'?: boolean;
  'allow-original'?: boolean;
  'show-errors'?: boolean;
  /** Set-up: the network drops every upload. */
  failUploads: boolean;
};

const meta: Meta<Args> = {
  title: 'Elements/Evidence picker',
  component: 'ipr-evidence-picker',
  args: {
    token: TOKENS.complainantA,
    required: true,
    'require-original': false,
    'allow-original': false,
    failUploads: false,
  },
  argTypes: { ...connectionArgTypes('ipr-evidence-picker'), failUploads: setupArg() },
  render: (args, ctx) =>
    renderFromArgs('ipr-evidence-picker', args, ctx, {
      defaults: toolbarDefaults(ctx),
      properties: {
        // Failed uploads: the network drops every POST /v1/evidence before it reaches the server.
        client: demoClient(ctx, args.token, {
          failWhen: args.failUploads
            ? (r) => r.method === 'POST' && new URL(r.url).pathname === '/v1/evidence'
            : undefined,
        }),
      },
    }),
};
export default meta;
type Story = StoryObj<Args>;

const picker = (root: HTMLElement) => root.querySelector<IprEvidencePicker>('ipr-evidence-picker')!;

/** The complainant's saved evidence, ready to pick. */
export const SavedList: Story = {};
/** Picture Embezzlement: the original picture is required. */
export const RequireOriginal: Story = { args: { 'require-original': true, 'allow-original': true } };
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
