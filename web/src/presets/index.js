// The example networks a learner can open. The first is the default.
import seed from './seed.js';
import mazur from './mazur.js';

export const PRESETS = [
  { id: 'seed', labelKey: 'preset.seed', document: seed },
  { id: 'mazur', labelKey: 'preset.mazur', document: mazur },
];

export function presetById(id) {
  return PRESETS.find((preset) => preset.id === id) ?? PRESETS[0];
}
