// The baseline of the form figure (a browser module; run.mjs bundles it with Lit into one minified
// file, as the SDK's bundle is, and bench/page.html loads that): a plain Lit element
// with the controls of the complaint form's first step (type select, description, contact fields,
// the two consent checkboxes, Next), loaded the same way as the SDK's form: the element is in the
// page, then this script is added, and the figure ends when the type select is enabled and takes
// focus. No API, no drafts, no i18n, no context: what any Lit element costs to load and render here,
// so the ratio form ÷ baseline is the SDK's own cost and the machine's load divides out.
import { LitElement, css, html } from 'lit';

const TYPES = [
  ['picture_embezzlement', 'Picture Embezzlement'],
  ['trademark_infringement', 'Trademark Infringement'],
  ['copyright_infringement', 'Copyright Infringement'],
  ['patent_infringement', 'Patent Infringement'],
];

class PlainComplaintForm extends LitElement {
  static styles = css`
    :host { display: block; font: 14px system-ui, sans-serif; }
    label { display: block; margin: 8px 0 4px; }
    input, select, textarea { width: 100%; box-sizing: border-box; }
  `;

  render() {
    return html`<form>
      <label for="f-type">Complaint type</label>
      <select id="f-type" name="type" required>
        <option value="">Choose…</option>
        ${TYPES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
      </select>
      <label for="f-description">Description</label>
      <textarea id="f-description" name="description" rows="5" required></textarea>
      <label for="f-contact-name">Name</label><input id="f-contact-name" name="name" autocomplete="name" />
      <label for="f-contact-company">Company</label><input id="f-contact-company" name="company" />
      <label for="f-contact-email">Email</label><input id="f-contact-email" name="email" type="email" />
      <label for="f-contact-phone">Phone</label><input id="f-contact-phone" name="phone" type="tel" />
      <label><input type="checkbox" name="disclose" /> I agree to disclose my name, email and phone number</label>
      <label><input type="checkbox" name="holder" checked /> I am the IPR holder</label>
      <button type="button">Next</button>
    </form>`;
  }
}

customElements.define('plain-complaint-form', PlainComplaintForm);
