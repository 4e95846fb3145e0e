// The example networks a learner can open: network documents, the same files the tests use.
// The first is the default.
import seed from '../../../tests/fixtures/seed.json' with { type: 'json' };
import mazur from '../../../tests/fixtures/mazur.json' with { type: 'json' };

export const PRESETS = [
  { id: 'seed', labelKey: 'preset.seed', document: seed },
  { id: 'mazur', labelKey: 'preset.mazur', document: mazur },
];

export function presetById(id) {
  return PRESETS.find((preset) => preset.id === id) ?? PRESETS[0];
}
