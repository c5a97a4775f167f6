/** @jest-environment jsdom */
import type { DataIssue } from '../../../shared/model/types';
import { ISSUE_TEXT } from '../../../shared/i18n/issues';
import { LANGS, mount, text } from '../testing/fixtures';
import { Issues } from './issues';

const ISSUES: DataIssue[] = [
  {
    code: 'INVALID_VALUE',
    message: ISSUE_TEXT.invalidValue('Deals', 'd1', 'Amount', 'number', '"lots"'),
    recordId: 'd1',
  },
  { code: 'REPORTING_CYCLE', message: ISSUE_TEXT.reportingCycle('c1 → c2 → c1'), recordId: 'c1' },
];

describe.each(LANGS)('Issues (%s)', (lang) => {
  it("shows each issue's kind and its message in the page's language, with the stable code on the item", () => {
    const el = mount(<Issues issues={ISSUES} />, lang);
    const items = [...el.querySelectorAll('[data-testid=issues] li')];
    expect(items.map((li) => li.getAttribute('data-issue'))).toEqual(['INVALID_VALUE', 'REPORTING_CYCLE']);
    expect(text(items[0] as Element)).toContain(
      lang === 'ja' ? 'Amount は数値であるべきところ "lots" でした' : 'Amount should be a number, got "lots"',
    );
    expect(text(items[1] as Element)).toContain(lang === 'ja' ? '循環しています' : 'forms a loop');
    // nothing of the other language leaks in
    expect(text(el)).not.toContain(lang === 'ja' ? 'should be' : 'であるべき');
  });

  it('shows nothing without issues', () => {
    expect(mount(<Issues issues={[]} />, lang).querySelector('[data-testid=issues]')).toBeNull();
  });
});
