// The behaviour every form-associated `ipr-*` control shares inside a host <form>, run once per
// control (as Web Awesome runs one form-control suite for each of its controls).
import { expect, fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { issue, localizeIssue, type IssueCode } from '@ipr/validators';
import type { IprFormControl } from '../../src/base/form-control.js';
import { text } from '../support/helpers.js';

export interface FormControlSuiteOptions<E extends IprFormControl> {
  /** Gives a new control what it needs to work (a client). */
  setup(el: E): void;
  /** Fills the control with a valid value the way a user would; resolves to the entries it then submits. */
  fill(el: E): Promise<string[]>;
  /** The control's value as entries (read through its public API). */
  entries(el: E): string[];
  /** The issue code of an empty required control. */
  requiredCode: IssueCode;
  /** The inline error region (selector in the shadow root). */
  errorRegion: string;
  /** The inner controls that change the value: disabled while the control is. */
  innerControls(el: E): Array<HTMLButtonElement | HTMLInputElement>;
  /** Puts more than the control's limit in, when it has one (`validity.tooLong`), and names the issue. */
  overfill?(el: E): { code: IssueCode; params: Record<string, number> };
}

const NAME = 'picked';

export function runFormControlTests<E extends IprFormControl>(tagName: string, options: FormControlSuiteOptions<E>) {
  const tag = unsafeStatic(tagName);
  const requiredMessage = (locale: 'en' | 'zh-CN') => localizeIssue(issue(options.requiredCode, [NAME]), locale);

  /** A form holding one control (required unless told); `fieldset` puts a fieldset between them. */
  async function inForm({ required = true, fieldset = false } = {}) {
    const form = await fixture<HTMLFormElement>(
      fieldset
        ? html`<form><fieldset><${tag} name=${NAME} ?required=${required}></${tag}></fieldset></form>`
        : html`<form><${tag} name=${NAME} ?required=${required}></${tag}></form>`,
    );
    const el = form.querySelector<E>(tagName)!;
    options.setup(el);
    await el.updateComplete;
    return { form, el };
  }

  const submitted = (form: HTMLFormElement, name = NAME) => new FormData(form).getAll(name);
  const errorText = (el: E) => text(el.shadowRoot!.querySelector(options.errorRegion));

  describe(`<${tagName}> in a host <form>`, () => {
    it('submits one entry per item under its name, and follows a new name', async () => {
      const { form, el } = await inForm({ required: false });
      expect(submitted(form)).to.deep.equal([]);
      const entries = await options.fill(el);
      await el.updateComplete;
      expect(entries.length).to.be.greaterThan(0);
      expect(submitted(form)).to.deep.equal(entries);
      expect(entries).to.deep.equal(options.entries(el));
      el.name = 'renamed';
      await el.updateComplete;
      expect(submitted(form)).to.deep.equal([]);
      expect(submitted(form, 'renamed')).to.deep.equal(entries);
    });

    it('is valid when empty and not required', async () => {
      const { form, el } = await inForm({ required: false });
      expect(el.willValidate).to.equal(true);
      expect(el.checkValidity()).to.equal(true);
      expect(el.validity!.valid).to.equal(true);
      expect(el.validationMessage).to.equal('');
      expect(form.checkValidity()).to.equal(true);
    });

    it('is valueMissing when required and empty, with the localised message of the issue', async () => {
      const { form, el } = await inForm();
      expect(el.checkValidity()).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity!.valueMissing).to.equal(true);
      expect(el.validity!.customError).to.equal(false);
      expect(el.validationMessage).to.equal(requiredMessage('en'));
      el.locale = 'zh-CN';
      await el.updateComplete;
      expect(requiredMessage('zh-CN')).to.not.equal(requiredMessage('en'));
      expect(el.validationMessage).to.equal(requiredMessage('zh-CN'));
    });

    it('is valid once filled', async () => {
      const { form, el } = await inForm();
      await options.fill(el);
      await el.updateComplete;
      expect(el.checkValidity()).to.equal(true);
      expect(el.validity!.valid).to.equal(true);
      expect(el.validity!.valueMissing).to.equal(false);
      expect(el.validationMessage).to.equal('');
      expect(form.checkValidity()).to.equal(true);
    });

    if (options.overfill) {
      const overfill = options.overfill;
      it('is tooLong over its limit', async () => {
        const { form, el } = await inForm();
        const over = overfill(el);
        // Read before the update runs: validity follows the value at once.
        expect(el.validity!.tooLong).to.equal(true);
        expect(el.validity!.valueMissing).to.equal(false);
        expect(el.validationMessage).to.equal(localizeIssue(issue(over.code, [NAME], over.params), 'en'));
        await el.updateComplete;
        expect(form.checkValidity()).to.equal(false);
      });
    }

    it('reportValidity() moves focus inside and shows the message inline', async () => {
      const { el } = await inForm();
      expect(errorText(el), 'no error before interaction').to.equal('');
      let invalidEvents = 0;
      el.addEventListener('invalid', () => invalidEvents++);
      expect(el.reportValidity()).to.equal(false);
      expect(invalidEvents).to.equal(1);
      expect(document.activeElement).to.equal(el);
      const focused = el.shadowRoot!.activeElement as HTMLElement | null;
      expect(focused, 'an inner element has focus').to.not.equal(null);
      await el.updateComplete;
      expect(focused!.getAttribute('aria-invalid')).to.equal('true');
      expect(errorText(el)).to.equal(requiredMessage('en'));

      // Valid: nothing is reported and focus stays where it is.
      await options.fill(el);
      await el.updateComplete;
      focused!.blur();
      expect(el.reportValidity()).to.equal(true);
      expect(invalidEvents).to.equal(1);
      expect(el.shadowRoot!.activeElement).to.equal(null);
    });

    it('a submit that finds it invalid is refused, shows the message inline and moves focus inside', async () => {
      const { form, el } = await inForm();
      let submits = 0;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submits++;
      });
      form.requestSubmit();
      expect(submits).to.equal(0);
      expect(el.shadowRoot!.activeElement, 'an inner element has focus').to.not.equal(null);
      await el.updateComplete;
      expect(errorText(el)).to.equal(requiredMessage('en'));
      await options.fill(el);
      await el.updateComplete;
      form.requestSubmit();
      expect(submits).to.equal(1);
    });

    it('form.reset() empties it and hides the errors again, without a change event', async () => {
      const { form, el } = await inForm();
      el.reportValidity();
      await options.fill(el);
      await el.updateComplete;
      let changes = 0;
      el.addEventListener('change', () => changes++);
      form.reset();
      await el.updateComplete;
      expect(options.entries(el)).to.deep.equal([]);
      expect(submitted(form)).to.deep.equal([]);
      expect(el.validity!.valueMissing).to.equal(true);
      expect(errorText(el), 'errors show again only after interaction').to.equal('');
      expect(changes).to.equal(0);
    });

    it('is disabled by a disabled fieldset: not submitted, not validated, inner controls disabled', async () => {
      const { form, el } = await inForm({ fieldset: true });
      const fieldset = form.querySelector('fieldset')!;
      const entries = await options.fill(el);
      await el.updateComplete;
      expect(submitted(form)).to.deep.equal(entries);

      fieldset.disabled = true;
      await el.updateComplete;
      expect(el.disabled).to.equal(true);
      expect(el.matches(':disabled')).to.equal(true);
      expect(el.hasAttribute('disabled'), 'the fieldset disables it, not its own attribute').to.equal(false);
      expect(submitted(form)).to.deep.equal([]);
      const inner = options.innerControls(el);
      expect(inner.length).to.be.greaterThan(0);
      for (const control of inner) expect(control.disabled, control.outerHTML).to.equal(true);
      form.reset();
      await el.updateComplete;
      // Required and empty, yet barred from validation while disabled.
      expect(el.willValidate).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
      expect(el.validity!.valueMissing).to.equal(false);

      fieldset.disabled = false;
      await el.updateComplete;
      expect(el.disabled).to.equal(false);
      expect(el.matches(':disabled')).to.equal(false);
      expect(el.willValidate).to.equal(true);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validity!.valueMissing).to.equal(true);
      for (const control of options.innerControls(el)) expect(control.disabled, control.outerHTML).to.equal(false);
    });

    it('its own disabled attribute is reflected and keeps it out of the form', async () => {
      const { form, el } = await inForm();
      const entries = await options.fill(el);
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.equal(true);
      expect(el.matches(':disabled')).to.equal(true);
      expect(submitted(form)).to.deep.equal([]);
      el.disabled = false;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.equal(false);
      expect(submitted(form)).to.deep.equal(entries);
    });

    it('setCustomValidity() makes it invalid with customError until cleared', async () => {
      const { form, el } = await inForm();
      await options.fill(el);
      await el.updateComplete;
      el.setCustomValidity('Only products of your own shop.');
      expect(el.validity!.customError).to.equal(true);
      expect(el.validity!.valid).to.equal(false);
      expect(el.validationMessage).to.equal('Only products of your own shop.');
      expect(el.checkValidity()).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      el.reportValidity();
      await el.updateComplete;
      expect(errorText(el)).to.equal('Only products of your own shop.');
      el.setCustomValidity('');
      expect(el.validity!.customError).to.equal(false);
      expect(el.checkValidity()).to.equal(true);
      await el.updateComplete;
      expect(errorText(el)).to.equal('');
    });

    it('a custom error beside a missing value: both flags, the custom message', async () => {
      const { el } = await inForm();
      el.setCustomValidity('Pick at least one.');
      expect(el.validity!.valueMissing).to.equal(true);
      expect(el.validity!.customError).to.equal(true);
      expect(el.validationMessage).to.equal('Pick at least one.');
    });

    it('form points at its form: the ancestor, the one named by form="…", none outside a form', async () => {
      const { form, el } = await inForm();
      expect(el.form).to.equal(form);

      const outside = await fixture<HTMLDivElement>(
        html`<div><form id="elsewhere"></form><${tag} name=${NAME} form="elsewhere"></${tag}><${tag} name=${NAME}></${tag}></div>`,
      );
      const [linked, alone] = [...outside.querySelectorAll<E>(tagName)];
      const target = outside.querySelector('form')!;
      expect(linked!.form).to.equal(target);
      expect(alone!.form).to.equal(null);
      options.setup(linked!);
      const entries = await options.fill(linked!);
      await linked!.updateComplete;
      expect(submitted(target)).to.deep.equal(entries);
    });

    it('puts back a state the browser restores, without a change event', async () => {
      const { form, el } = await inForm();
      const entries = await options.fill(el);
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      let changes = 0;
      el.addEventListener('change', () => changes++);
      const state = new FormData();
      for (const entry of entries) state.append('state', entry);
      el.formStateRestoreCallback(state, 'restore');
      await el.updateComplete;
      expect(options.entries(el)).to.deep.equal(entries);
      expect(submitted(form)).to.deep.equal(entries);
      expect(el.checkValidity()).to.equal(true);
      expect(changes).to.equal(0);
      // Autofill hands back a single string.
      el.formStateRestoreCallback(entries[0]!, 'autocomplete');
      await el.updateComplete;
      expect(options.entries(el)).to.deep.equal([entries[0]]);
    });
  });
}
