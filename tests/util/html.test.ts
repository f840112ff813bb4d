import { escapeHtml, jsonForScript } from '../../src/util/html';

test('escapeHtml turns a hostile track name into text', () => {
  expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
  expect(escapeHtml(`Guns N' Roses & "Friends"`)).toBe('Guns N&#39; Roses &amp; &quot;Friends&quot;');
  expect(escapeHtml(undefined)).toBe('');
});

test('jsonForScript cannot close a script element and round-trips', () => {
  const value = { name: '</script><script>alert(1)</script>', sep: '\u2028' };
  const text = jsonForScript(value);
  expect(text).not.toContain('</script');
  expect(JSON.parse(text)).toEqual(value);
});
