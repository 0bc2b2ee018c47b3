import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { IprHolderProfiles } from '../../src/index.js';

describe('first render', () => {
  it('an element in a hidden view renders in a task of its own; a displayed one at once', async () => {
    const box = document.createElement('div');
    box.innerHTML =
      '<div hidden><ipr-holder-profiles></ipr-holder-profiles></div><ipr-holder-profiles></ipr-holder-profiles>';
    document.body.append(box);
    try {
      const [hidden, shown] = [...box.querySelectorAll<IprHolderProfiles>('ipr-holder-profiles')];
      // Only microtasks have run while the displayed one rendered: the hidden one waits for its task.
      await shown!.updateComplete;
      expect(shown!.hasUpdated).to.equal(true);
      expect(hidden!.hasUpdated).to.equal(false);
      await hidden!.updateComplete;
      expect(hidden!.hasUpdated).to.equal(true);
      expect(hidden!.shadowRoot!.textContent).to.contain('Not connected');
    } finally {
      box.remove();
    }
  });
});
