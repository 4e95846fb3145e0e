// tfjs-core's Node bundle registers no gradients (the @tensorflow/tfjs package does, from
// @tensorflow/tfjs-core/dist/register_all_gradients, an ES module tree Node cannot load from this CommonJS package).
// These are the seven the bench's loss needs, transcribed from tfjs-core 4.22's own dist/gradients/*_grad.js with
// the ops of the bundle. Registered once per process.
import * as tf from '@tensorflow/tfjs-core';

const { assertAndGetBroadcastShape, getReductionAxes } = tf.backend_util;

/** dy summed over the axes `shape` was broadcast along, reshaped to `shape` (Add_grad.js, Sub_grad.js). */
function unbroadcast(dy, shape, outShape) {
  const axes = getReductionAxes(shape, outShape);
  return tf.reshape(axes.length > 0 ? tf.sum(dy, axes) : dy, shape);
}

const configs = [
  {
    kernelName: tf.Add,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => {
      const outShape = assertAndGetBroadcastShape(a.shape, b.shape);
      return { a: () => unbroadcast(dy, a.shape, outShape), b: () => unbroadcast(dy, b.shape, outShape) };
    },
  },
  {
    kernelName: tf.Sub,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => {
      const outShape = assertAndGetBroadcastShape(a.shape, b.shape);
      return { a: () => unbroadcast(dy, a.shape, outShape), b: () => tf.neg(unbroadcast(dy, b.shape, outShape)) };
    },
  },
  {
    kernelName: tf.Multiply,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => {
      const outShape = assertAndGetBroadcastShape(a.shape, b.shape);
      const part = (x, other) => () => {
        const res = tf.mul(dy, tf.cast(other, 'float32'));
        const axes = getReductionAxes(x.shape, outShape);
        return axes.length > 0 ? tf.reshape(tf.sum(res, axes), x.shape) : res;
      };
      return { a: part(a, b), b: part(b, a) };
    },
  },
  {
    kernelName: tf.Square,
    inputsToSave: ['x'],
    gradFunc: (dy, [x]) => ({ x: () => tf.mul(dy, tf.mul(tf.cast(x, 'float32'), 2)) }),
  },
  {
    kernelName: tf.Sum,
    inputsToSave: ['x'],
    gradFunc: (dy, [x], { axis }) => {
      const expandedDyShape = x.shape.slice();
      for (const a of tf.util.parseAxisParam(axis, x.shape)) expandedDyShape[a] = 1;
      const derX = tf.mul(tf.reshape(dy, expandedDyShape), tf.ones(x.shape, 'float32'));
      return { x: () => derX };
    },
  },
  {
    kernelName: tf.BatchMatMul,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b], { transposeA, transposeB }) => {
      if (transposeA || transposeB) throw new Error('bench: only untransposed matMul is used');
      return { a: () => tf.matMul(dy, b, false, true), b: () => tf.matMul(a, dy, true, false) };
    },
  },
  {
    kernelName: tf.Tanh,
    outputsToSave: [true],
    gradFunc: (dy, [y]) => ({ x: () => tf.mul(tf.sub(tf.scalar(1), tf.square(y)), dy) }),
  },
];

for (const config of configs) if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
