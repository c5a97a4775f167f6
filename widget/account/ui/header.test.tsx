/** @jest-environment jsdom */
import * as z from '../../../shared/testing/zoho-builders';
import { UiProvider, makeUi } from './ui-context';
import { mountInto } from '../../common/testing/dom';
import { LANGS, READY, mount, sampleView, testConfig, text } from '../testing/fixtures';
import { Header } from './header';

const noop = () => undefined;

describe.each(LANGS)('Header (%s): strategic targets', (lang) => {
  it('says plainly when the account is not a strategic target', () => {
    const view = sampleView({ Accounts: [z.account({ Is_Target_Account: false })] });
    const el = mount(<Header state={READY(view)} onLang={noop} onReload={noop} />, lang);
    expect(text(el.querySelector('[data-testid=not-target]'))).toContain(
      lang === 'ja' ? '戦略ターゲット企業ではありません' : 'not a strategic target',
    );
  });

  it('says nothing for a target, or for an org without the field', () => {
    for (const account of [z.account({ Is_Target_Account: true }), z.account()]) {
      const el = mount(
        <Header state={READY(sampleView({ Accounts: [account] }))} onLang={noop} onReload={noop} />,
        lang,
      );
      expect(el.querySelector('[data-testid=not-target]')).toBeNull();
    }
  });

  it('adds that it is not computed when the config says so', () => {
    const config = { ...testConfig(), targets: { computeNonTargets: false } };
    const view = sampleView({ Accounts: [z.account({ Is_Target_Account: false })] });
    const el = mountInto(
      <UiProvider ui={makeUi(lang, config)}>
        <Header state={READY(view)} onLang={noop} onReload={noop} />
      </UiProvider>,
    );
    expect(text(el.querySelector('[data-testid=not-target]'))).toContain(
      lang === 'ja' ? '計算・書き戻しされません' : 'not computed or written back',
    );
  });
});
