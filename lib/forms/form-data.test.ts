import { describe, expect, it } from 'vitest';
import { formDataToObject } from './form-data.ts';

describe('form submissions', () => {
  it('turn bracketed names into nested arrays and objects, dropping framework fields', () => {
    const form = new FormData();
    form.append('$ACTION_ID_abc', '');
    form.append('narrative', 'Cargo delivered');
    form.append('evidence[0].url', 'https://example.org/a');
    form.append('evidence[0].title', 'A');
    form.append('evidence[2].url', 'https://example.org/c');
    expect(formDataToObject(form)).toEqual({
      narrative: 'Cargo delivered',
      evidence: [{ url: 'https://example.org/a', title: 'A' }, { url: 'https://example.org/c' }],
    });
  });
});
