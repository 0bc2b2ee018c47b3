import type { EvidenceDescriptor, Product } from '@ipr/validators';
import { IprErrorEvent } from '../../events/index.js';
import type { IprProductPicker } from '../product-picker/product-picker.component.js';
import { type FormHost, reportError } from './form-host.js';

/**
 * What the draft refers to by id or link, as far as the form knows it: evidence descriptors (for
 * the rules, the pickers, the saved draft and the submit) and products (names for the links). A
 * draft keeps only ids and links; the names are looked up again, and a failed look-up is reported
 * (`ipr-error`) while the form shows what it has.
 */
export class KnownItems {
  evidence = new Map<string, EvidenceDescriptor>();
  products: Product[] = [];

  constructor(private readonly host: FormHost) {}

  /** The descriptors known for these ids, in their order. */
  descriptors(ids: readonly string[]): EvidenceDescriptor[] {
    return ids.flatMap((id) => {
      const d = this.evidence.get(id);
      return d ? [d] : [];
    });
  }

  remember(descriptors: readonly EvidenceDescriptor[]): void {
    for (const d of descriptors) this.evidence.set(d.id, d);
  }

  /** Adds the products a picker knows that the form does not. */
  addProducts(products: readonly Product[]): void {
    this.products = [...this.products, ...products.filter((p) => !this.products.includes(p))];
  }

  clear(): void {
    this.evidence = new Map();
    this.products = [];
  }

  /** Descriptors for evidence ids the form does not know yet (a profile keeps only the ids). */
  async learnEvidence(ids: readonly string[]): Promise<void> {
    const api = this.host.api;
    if (!api || ids.every((id) => this.evidence.has(id))) return;
    const result = await api.evidence.list();
    if (result.error) {
      reportError(this.host, new IprErrorEvent({ operation: 'evidence-names', cause: result.error }));
      return;
    }
    for (const d of result.data.items) if (ids.includes(d.id)) this.evidence.set(d.id, d);
    this.host.requestUpdate();
  }

  /** Names for links restored from a draft (the draft keeps only the links). */
  async resolveProducts(links: readonly string[]): Promise<void> {
    const api = this.host.api;
    if (!api || links.length === 0) return;
    const result = await api.products.resolveLinks([...links]);
    if (result.error) {
      reportError(this.host, new IprErrorEvent({ operation: 'product-names', cause: result.error }));
      return;
    }
    this.products = result.data.items.flatMap((r) => (r.product ? [r.product] : []));
    const picker = this.host.renderRoot.querySelector<IprProductPicker>('ipr-product-picker');
    if (picker) picker.products = this.products;
    this.host.requestUpdate();
  }
}
