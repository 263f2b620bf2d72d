import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEntities, htmlToText } from './html.js';

const PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Carte nationale &ndash; Démarches</title>
<style>body { color: red }</style><script>var s = "<p>pas du texte</p>";</script></head>
<body>
<nav><ul><li>Accueil</li><li>Services</li></ul></nav>
<header><h1>Renouveler la <em>carte</em> nationale</h1></header>
<main>
<p>La demande   se fait
au bureau de la S&ucirc;ret&eacute; nationale&nbsp;: simple &amp; rapide.</p>
<h2>Pièces à fournir</h2>
<p>Le dossier comprend :</p>
<ul>
  <li>l'ancienne carte ;</li>
  <li>deux photos<ul><li>format 35&times;45</li></ul></li>
  <li><p>un justificatif</p><p>de moins de 3 mois</p></li>
</ul>
<ol start="3"><li>Étape trois</li><li>Étape quatre</li></ol>
<table><tr><th>Service</th><th>Coût</th></tr><tr><td><p>CNIE</p></td><td>75 DH</td></tr></table>
<p>Ligne un<br>Ligne deux</p>
<div hidden>caché</div><div aria-hidden="true">caché aussi</div>
<!-- un commentaire <p>invisible</p> -->
<pre>  code
   indenté</pre>
</main>
<footer><p>© 2025 Royaume du Maroc</p></footer>
</body></html>`;

describe('htmlToText', () => {
  const converted = htmlToText(PAGE);

  it('turns headings into # lines, paragraphs and list items into lines, tables into rows', () => {
    assert.equal(
      converted.text,
      [
        '# Renouveler la carte nationale',
        '',
        'La demande se fait au bureau de la Sûreté nationale\u00a0: simple & rapide.',
        '',
        '## Pièces à fournir',
        '',
        'Le dossier comprend :',
        '',
        "- l'ancienne carte ;",
        '- deux photos',
        '  - format 35×45',
        '- un justificatif',
        '  de moins de 3 mois',
        '',
        '3. Étape trois',
        '4. Étape quatre',
        '',
        'Service | Coût',
        'CNIE | 75 DH',
        '',
        'Ligne un',
        'Ligne deux',
        '',
        '  code',
        '   indenté',
      ].join('\n'),
    );
  });

  it('drops scripts, styles, navigation, footers, comments and hidden elements', () => {
    for (const absent of ['pas du texte', 'color', 'Accueil', 'Royaume', 'invisible', 'caché']) {
      assert.ok(!converted.text.includes(absent), absent);
    }
  });

  it('reads the title, the first h1 and the first heading', () => {
    assert.equal(converted.title, 'Carte nationale – Démarches');
    assert.equal(converted.firstH1, 'Renouveler la carte nationale');
    assert.equal(converted.firstHeading, 'Renouveler la carte nationale');
  });

  it('keeps Arabic text and right-to-left markup as text', () => {
    const { text } = htmlToText('<div dir="rtl"><h2>المادة 7</h2><p>يحق لكل شخص&nbsp;الولوج.</p></div>');
    assert.equal(text, '## المادة 7\n\nيحق لكل شخص\u00a0الولوج.');
  });

  it('survives malformed markup: stray <, unclosed tags and quotes, an unclosed script', () => {
    assert.equal(htmlToText('a < b et <p>c').text, 'a < b et\n\nc');
    assert.equal(htmlToText('<p title="x>y">texte</p>').text, 'texte');
    assert.equal(
      htmlToText('<p class="open>texte').text,
      'texte',
      'an unterminated quote ends at the next >',
    );
    assert.equal(htmlToText('<p>avant</p><script>while(true){}').text, 'avant');
    assert.equal(htmlToText('<nav>menu<p>reste</p></body>après').text, 'après');
  });

  it('skips nested elements of a dropped one', () => {
    assert.equal(htmlToText('<nav><nav>a</nav>b</nav><p>c</p>').text, 'c');
  });

  it('is linear on a large page (no timing assertion)', () => {
    const html = `<ul>${'<li><a href="#x" title="y">lien</a> texte</li>'.repeat(50_000)}</ul>`;
    const { text } = htmlToText(html);
    assert.equal(text.split('\n').length, 50_000);
    const unclosed = `${'<p class="a>'.repeat(20_000)}fin`;
    assert.equal(typeof htmlToText(unclosed).text, 'string');
  });
});

describe('decodeEntities', () => {
  const cases: [string, string][] = [
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&eacute;t&eacute; &Agrave; &ccedil;a &oelig;uvre', 'été À ça œuvre'],
    ['&laquo;&nbsp;oui&nbsp;&raquo;', '«\u00a0oui\u00a0»'],
    ['&#1575;&#x644;', 'ال'],
    ['&#150;&#146;', '–’'],
    ['&#0;&#xD800;&#x110000;', '\ufffd\ufffd\ufffd'],
    ['&unknown; &amp sans point-virgule', '&unknown; &amp sans point-virgule'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(decodeEntities(input), expected));
  }
});
