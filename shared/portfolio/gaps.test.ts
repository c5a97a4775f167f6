import { CONFIG } from '../testing/engine-harness';
import { criterionLabelsOf } from '../engine/stage';
import { gapTranslator } from './gaps';

describe('gapTranslator', () => {
  const labels = criterionLabelsOf(CONFIG);
  const keyPerson = labels.find((l) => l.ja.startsWith('キーパーソンとの面談')) ?? labels[0];

  it('knows a label for every criterion of the config', () => {
    const criteria = CONFIG.stages.reduce((n, s) => n + s.criteria.length, 0);
    expect(labels.length).toBeGreaterThanOrEqual(criteria);
    expect(labels.every((l) => l.ja !== '' && l.en !== '')).toBe(true);
  });

  it('reads a line written in Japanese back in English, keeping actual / required', () => {
    const en = gapTranslator(CONFIG, 'en');
    expect(en(`${keyPerson?.ja}（0 / 2）`)).toBe(`${keyPerson?.en} (0 / 2)`);
    expect(en(`${keyPerson?.ja}（— / 2）`)).toBe(`${keyPerson?.en} (— / 2)`);
    expect(en(`${keyPerson?.en}`)).not.toMatch(/[（）]/);
  });

  it('leaves Japanese as written and unknown lines as they are', () => {
    const ja = gapTranslator(CONFIG, 'ja');
    expect(ja(`・${keyPerson?.ja}（1 / 2）`)).toBe(`${keyPerson?.ja}（1 / 2）`);
    expect(gapTranslator(CONFIG, 'en')('手書きのメモ（1 / 2）')).toBe('手書きのメモ（1 / 2）');
    expect(gapTranslator(CONFIG, 'en')('free text')).toBe('free text');
  });
});
