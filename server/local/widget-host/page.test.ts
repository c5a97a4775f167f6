import { escapeHtml, renderPreviewPage } from './page';

describe('the preview host page', () => {
  it('escapes CRM values everywhere it prints them', () => {
    const evil = '<img src=x onerror="alert(1)">\'`&';
    const html = renderPreviewPage({
      accounts: [{ id: '1', name: evil }],
      selected: { Account_Name: evil, Industry: evil, Owner: { id: '9', name: evil } },
      selectedId: '1',
      widgetSrc: '/preview/widget/account.html?entity=Accounts&entityId=1',
      problem: evil,
    });
    expect(html).not.toContain('<img');
    expect(html.split(escapeHtml(evil)).length - 1).toBe(6); // title, h1, option, industry, owner, problem
    expect(html).toContain('src="/preview/widget/account.html?entity=Accounts&#38;entityId=1"');
  });
});
