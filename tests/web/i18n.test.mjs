// The catalogs: French has every English key and no other, with the same {placeholders}.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import en from '../../web/src/i18n/en.js';
import fr from '../../web/src/i18n/fr.js';
import { createTranslator, supportedLanguage } from '../../web/src/i18n/index.js';

test('no missing key in either catalog', () => {
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
});

test('each French string has the placeholders of its English one', () => {
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  for (const key of Object.keys(en)) assert.deepEqual(placeholders(fr[key]), placeholders(en[key]), key);
});

test('languages: from a browser tag, English when unknown; French writes a decimal comma', () => {
  assert.equal(supportedLanguage('fr-CH'), 'fr');
  assert.equal(supportedLanguage('de-DE'), 'en');
  assert.equal(supportedLanguage(undefined), 'en');
  const t = createTranslator('fr');
  assert.equal(t('counter.of', { index: 1, count: 2 }), '1 sur 2');
  assert.equal(t.decimalSeparator, ',');
  assert.equal(createTranslator('en').decimalSeparator, '.');
});
