import { toCsv } from './csv.js';

const row = (...cells: (string | number | null | undefined)[]) => toCsv(['h'], [cells]).split('\r\n')[1];

describe(toCsv.name, () => {
  it("writes numbers as numbers, negative ones too: a redeem of −40 is -40, not the text '-40", () => {
    expect(row(-40, 0, 12.5, 7)).toBe('-40,0,12.5,7');
  });

  it.each([
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['-40', `"'-40"`],
    ['@cmd', `"'@cmd"`],
    ['\tlooks like a formula', `"'\tlooks like a formula"`],
    ['\r=1', `"'\r=1"`],
  ])('defuses text a spreadsheet would run as a formula: %j', (text, written) => {
    expect(row(text)).toBe(written);
  });

  it('quotes text, doubling inner quotes, and leaves ordinary text and empty cells alone', () => {
    expect(row('say "hi"', 'plain', null, undefined)).toBe('"say ""hi""","plain","",""');
  });

  it('ends every line with CRLF, after a bare header row', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,"x"\r\n');
  });
});
