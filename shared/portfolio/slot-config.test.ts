import { KPI_KEYS } from '../model/keys';
import { CONFIG } from '../testing/portfolio-builders';
import { NOT_STARTED } from './model';
import { slotIndex, stageSlots } from './reps';
import { recommendedShareOf, slotConfigs, stallDaysOf, targetsOf } from './slot-config';

describe('slotConfigs', () => {
  const of = slotConfigs(CONFIG);

  it.each([...stageSlots(CONFIG), 'no_such_stage'])('%s: what the per-slot functions read', (slot) => {
    const targets = targetsOf(CONFIG, slot);
    expect(of(slot)).toEqual({
      index: slotIndex(CONFIG, slot),
      targets: KPI_KEYS.flatMap((kpi, index) =>
        targets[kpi] === undefined ? [] : [{ index, kpi, target: targets[kpi] }],
      ),
      stallDays: stallDaysOf(CONFIG, slot),
      recommendedShare: recommendedShareOf(CONFIG, slot),
    });
  });

  it('reads 未着手 from notStarted, a stage from the stage, an unknown slot as nothing', () => {
    const first = CONFIG.stages[0]!;
    expect(of(NOT_STARTED)).toMatchObject({
      index: 0,
      stallDays: null,
      recommendedShare: CONFIG.notStarted.recommendedRelationshipShare,
    });
    expect(of(NOT_STARTED).targets.map((t) => t.kpi)).toEqual(
      KPI_KEYS.filter((k) => k in CONFIG.notStarted.kpiTargets),
    );
    expect(of(first.key)).toMatchObject({
      index: 1,
      stallDays: first.stallDays ?? null,
      recommendedShare: first.recommendedRelationshipShare,
    });
    expect(of('no_such_stage')).toEqual({ index: -1, targets: [], stallDays: null, recommendedShare: 0 });
  });

  it('a stage without stallDays never stalls', () => {
    const config = { ...CONFIG, stages: CONFIG.stages.map((s) => ({ ...s, stallDays: undefined })) };
    expect(slotConfigs(config)(CONFIG.stages[0]!.key).stallDays).toBeNull();
  });

  it('makes each slot once per lookup', () => {
    expect(of('no_such_stage')).toBe(of('no_such_stage'));
    expect(slotConfigs(CONFIG)(NOT_STARTED)).not.toBe(of(NOT_STARTED));
  });
});
