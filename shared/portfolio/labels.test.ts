import { CONFIG } from '../testing/portfolio-builders';
import { riskLabel, slotLabel, stageSlotLabel } from './labels';
import { NOT_STARTED } from './model';

describe('stage slot labels', () => {
  it('name "not started", a stage, an unknown key as itself, and no stage as not assessed', () => {
    expect(slotLabel(NOT_STARTED, CONFIG)).toEqual(CONFIG.notStarted.label);
    expect(slotLabel('contact', CONFIG)).toEqual(CONFIG.stages[0]?.label);
    expect(slotLabel('retired_stage', CONFIG)).toEqual({ ja: 'retired_stage', en: 'retired_stage' });
    expect(['ja', 'en'].map((l) => stageSlotLabel(null, CONFIG, l as 'ja' | 'en'))).toEqual([
      '未判定',
      'Not assessed',
    ]);
    expect(stageSlotLabel('contact', CONFIG, 'en')).toBe(CONFIG.stages[0]?.label.en);
  });
});

describe('riskLabel', () => {
  const premature = CONFIG.prematureActions.find((p) => p.code === 'PREMATURE_QUOTE');
  it('reads a premature-action rule or an engine flag in the UI language, anything else as written', () => {
    expect(riskLabel({ code: 'PREMATURE_QUOTE', text: '見積が早い' }, CONFIG, 'en')).toBe(
      premature?.message.en,
    );
    expect(riskLabel({ code: 'STALLED_DEAL', text: '一定期間活動がない' }, CONFIG, 'en')).toBe(
      'No activity for a long time',
    );
    expect(riskLabel({ code: 'SOMETHING_NEW', text: 'as the service wrote it' }, CONFIG, 'en')).toBe(
      'as the service wrote it',
    );
  });
});
