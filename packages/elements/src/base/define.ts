/**
 * Registers a custom element once. A second copy of the SDK on the same page (or a second
 * call) must never throw: an existing tag is kept and a warning says why.
 */
export function define(tag: string, ctor: CustomElementConstructor): boolean {
  const registry = globalThis.customElements;
  if (!registry) return false;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== ctor)
      console.warn(`[ipr] <${tag}> is already defined (another copy of the SDK?); the first definition is kept.`);
    return false;
  }
  try {
    registry.define(tag, ctor);
    return true;
  } catch (error) {
    // The same constructor under another tag, or a tag raced by another copy.
    console.warn(`[ipr] <${tag}> could not be defined:`, error);
    return false;
  }
}
