// The example networks a learner can open: network documents, the same files the tests use.
// The first is the default.
import seed from '../../../tests/fixtures/seed.json' with { type: 'json' };
import mazur from '../../../tests/fixtures/mazur.json' with { type: 'json' };
import xor from '../../../tests/fixtures/xor.json' with { type: 'json' };
import and from '../../../tests/fixtures/and.json' with { type: 'json' };
import or from '../../../tests/fixtures/or.json' with { type: 'json' };
import regression from '../../../tests/fixtures/regression.json' with { type: 'json' };

// The last four start from Xavier weights, seed 1 (backstep init --scheme xavier --seed 1), and learn their data
// in a few thousand epochs.
export const PRESETS = [
  { id: 'seed', labelKey: 'preset.seed', document: seed },
  { id: 'mazur', labelKey: 'preset.mazur', document: mazur },
  { id: 'xor', labelKey: 'preset.xor', document: xor },
  { id: 'and', labelKey: 'preset.and', document: and },
  { id: 'or', labelKey: 'preset.or', document: or },
  { id: 'regression', labelKey: 'preset.regression', document: regression },
];

export function presetById(id) {
  return PRESETS.find((preset) => preset.id === id) ?? PRESETS[0];
}
