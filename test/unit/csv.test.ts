/** CSV cells: quoting and spreadsheet formula neutralisation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from '../../src/presenters/csv.ts';

test('quotes, commas, newlines and formulas', () => {
  const text = toCsv(
    ['a', 'b'],
    ['#x', '#y'],
    [
      ['say "hi", there', '=HYPERLINK("x")'],
      [null, 3],
      ['line\nbreak', -1],
    ],
  );
  assert.equal(text, 'a,b\r\n#x,#y\r\n"say ""hi"", there","\'=HYPERLINK(""x"")"\r\n,3\r\n"line\nbreak",-1\r\n');
});
