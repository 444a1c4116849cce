'use strict';
// The display width of a string in a terminal, for the tables of src/render/table.ts. Same rules
// as the string-width package (version 4) without its emoji regular expression, which costs about
// 20 ms to compile at every start of the CLI: ANSI codes and control and combining characters take
// no room, East Asian wide and fullwidth characters (and emoji) take two columns, everything else
// one. test/render/string-width.test.ts compares both. (CommonJS, so that it needs no build step.)

const ANSI = /[\u001b\u009b][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

function isWide(code) {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

function stringWidth(text) {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const plain = text.replace(ANSI, '');
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i);
    if (code > 0xffff) i++;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

module.exports = stringWidth;
module.exports.default = stringWidth;
