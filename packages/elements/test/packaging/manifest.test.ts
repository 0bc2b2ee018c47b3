import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

describe('custom-elements.json', () => {
  it('is committed and matches `npm run manifest` (no drift)', async function (this: Mocha.Context) {
    this.timeout(60000);
    const result = await executeServerCommand<
      { same: boolean; freshLength: number; committedLength: number },
      undefined
    >('manifest-drift');
    expect(result.committedLength, 'custom-elements.json is missing').to.be.greaterThan(0);
    expect(result.same, 'custom-elements.json is out of date: run `npm run manifest -w @ipr/elements`').to.equal(true);
  });
});
