// What the graph shows at a cursor: the numbers of the document before the step, overlaid
// with every trace event up to the cursor. Values are copied, never computed.
import { maskedEvent } from '../quiz/questions.js';

function parameterTables(document, labels) {
  const weights = {};
  labels.weights.forEach((layer, l) =>
    layer.forEach((row, j) =>
      row.forEach((name, i) => {
        weights[name] = { value: document.weights[l][j][i], gradient: null, updated: null };
      }),
    ),
  );
  const biases = {};
  labels.biases.forEach((layer, l) =>
    layer.forEach((name, j) => {
      if (name) biases[name] = { value: document.biases?.[l]?.[j] ?? 0, gradient: null, updated: null };
    }),
  );
  return { weights, biases };
}

function emptyNeurons(labels) {
  const neurons = {};
  for (const layer of labels.neurons)
    for (const name of layer) neurons[name] = { value: null, z: null, delta: null, derivative: null };
  return neurons;
}

function emptyOutputs(labels) {
  return Object.fromEntries(
    labels.neurons.at(-1).map((name) => [name, { target: null, prediction: null, difference: null, error: null }]),
  );
}

function apply(scene, event, labels) {
  switch (event.kind) {
    case 'input':
      scene.sample = event.sample;
      scene.neurons = emptyNeurons(labels);
      scene.outputs = emptyOutputs(labels);
      scene.total = null;
      for (const input of event.inputs) scene.neurons[input.name].value = input.value;
      for (const target of event.targets) scene.outputs[target.name].target = target.value;
      break;
    case 'forward':
      Object.assign(scene.neurons[event.name], { value: event.a, z: event.z });
      break;
    case 'error':
      for (const output of event.outputs) {
        Object.assign(scene.outputs[output.name], {
          prediction: output.prediction,
          target: output.target,
          difference: output.difference,
          error: output.error,
        });
      }
      scene.total = event.total;
      break;
    case 'delta':
      Object.assign(scene.neurons[event.name], { delta: event.delta, derivative: event.derivative });
      break;
    case 'gradient':
      scene[event.type === 'bias' ? 'biases' : 'weights'][event.parameter].gradient = event.gradient;
      break;
    case 'update': {
      const parameter = scene[event.type === 'bias' ? 'biases' : 'weights'][event.parameter];
      Object.assign(parameter, { updated: event.new, gradient: event.gradient });
      break;
    }
    case 'result':
      scene.results.push({ sample: event.sample, prediction: event.prediction, error: event.error });
      break;
    default:
      break;
  }
}

/**
 * The scene at frame `eventIndex`. `mask` (the quiz's question there, quiz/questions.js, while it waits for its
 * answer): that frame's number is left out, and scene.mask = {ref, part} tells the graph where to write "?".
 */
export function sceneAt(entry, labels, eventIndex, mask = null) {
  const { weights, biases } = parameterTables(entry.document, labels);
  const scene = {
    neurons: emptyNeurons(labels),
    outputs: emptyOutputs(labels),
    weights,
    biases,
    total: null,
    results: [],
    sample: null,
    learningRate: entry.document.learningRate,
    event: entry.trace.events[eventIndex] ?? null,
    eventIndex,
    mask: mask && { ref: mask.ref, part: mask.part },
  };
  const events = entry.trace.events;
  if (mask && scene.event) scene.event = maskedEvent(scene.event);
  for (let index = 0; index <= eventIndex && index < events.length; index += 1)
    apply(scene, index === eventIndex ? (scene.event ?? events[index]) : events[index], labels);
  return scene;
}
