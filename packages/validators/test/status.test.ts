import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeForStatus, ISSUE_CODES, issue, STATUS_BY_CODE, statusOfIssues } from '../src/index.js';

describe('HTTP status by issue code', () => {
  test('every code has a status, and only the network code has none the server could send', () => {
    for (const code of ISSUE_CODES) {
      const status = STATUS_BY_CODE[code];
      if (code === 'network.error') assert.equal(status, 0);
      else assert.ok(status >= 400 && status < 600, `${code}: ${status}`);
    }
  });

  test('the first issue names the status of a problem', () => {
    assert.equal(statusOfIssues([issue('transition.forbidden'), issue('field.required')]), 403);
    assert.equal(statusOfIssues([issue('transition.not_allowed')]), 409);
    assert.equal(statusOfIssues([issue('field.required'), issue('transition.forbidden')]), 422);
    assert.equal(statusOfIssues([issue('evidence.too_large')]), 413);
    assert.equal(statusOfIssues([]), 500);
  });

  test('a status without a readable body maps back to its generic code, which maps to that status again', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 422]) {
      const code = codeForStatus(status);
      assert.equal(STATUS_BY_CODE[code], status, `${status} -> ${code}`);
    }
    assert.equal(codeForStatus(502), 'server.error');
    assert.equal(codeForStatus(418), 'server.error');
  });
});
