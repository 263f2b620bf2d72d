import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachWord, WordScript } from './features.js';

const words = (text: string) => {
  const out: { text: string; folded: string; script: WordScript }[] = [];
  forEachWord(text, 0, text.length, (w) =>
    out.push({
      text: text.slice(w.start, w.end),
      folded: String.fromCharCode(...w.units.subarray(0, w.length)),
      script: w.script,
    }),
  );
  return out;
};

describe('language-identification features', () => {
  it('keeps Arabizi digits inside words and drops numbers', () => {
    assert.deepEqual(
      words('3lach 2024 b7al 9').map((w) => w.text),
      ['3lach', 'b7al'],
    );
  });

  it('sees through spelling habits: case, diacritics, tatweel, alef forms, Arabic-Indic digits', () => {
    const [bonjour, kataba, tatweel, ahmed, arabizi] = words('BONJOUR كَتَبَ كـــتب أحمد ٣لاش');
    assert.equal(bonjour!.folded, 'bonjour');
    assert.equal(kataba!.folded, 'كتب');
    assert.equal(tatweel!.folded, 'كتب');
    assert.equal(ahmed!.folded, 'احمد');
    assert.equal(arabizi!.folded, '3لاش');
  });

  it('reports each word with its offsets and script', () => {
    const text = 'salam سلام ⴰⵣⵓⵍ ɣer привет';
    assert.deepEqual(
      words(text).map((w) => [w.text, w.script]),
      [
        ['salam', WordScript.Latin],
        ['سلام', WordScript.Arabic],
        ['ⴰⵣⵓⵍ', WordScript.Tifinagh],
        ['ɣer', WordScript.Latin],
        ['привет', WordScript.Other],
      ],
    );
  });
});
