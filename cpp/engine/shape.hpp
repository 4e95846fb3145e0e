// Shape edits for the page's architecture editor: add or remove a layer or a neuron, change a layer's activation or
// bias. Each takes a valid document (as readDocument returns it) and returns a new valid one; the input is untouched.
//
// What an edit keeps: every weight and bias that still exists keeps its value exactly (at its new position); layer
// names move with their layers; title, learningRate, trainBiases, extraFields and the samples (but for a column of
// an added or removed input or output neuron) stay as they were; batchSize is clamped to the number of samples.
// What is new is 0 — the learner initializes or types it afterwards. Layers are numbered as in the document:
// 0 is the input layer, depth() the output layer; neurons from 0.
//
// A refused edit throws EngineError: an argument out of range with a message that starts with the argument's name,
// a result beyond the document's limits (limits.hpp) with the reader's own message.
#pragma once
#include <cstddef>

#include "document.hpp"

namespace backstep {

// A new hidden layer of `size` neurons that becomes layers[at], 1 ≤ at ≤ depth(); the two weight matrices
// touching it are 0, the others survive.
Document withLayer(const Document& doc, std::size_t at, std::size_t size, Activation activation, bool bias);
// Removes hidden layer `layer`, 1 ≤ layer < depth(); the matrix that now joins its two neighbours is 0.
Document withoutLayer(const Document& doc, std::size_t layer);
// Appends a neuron to any layer, its weights and bias 0; for the input (output) layer each sample gets a 0 input
// (target) at the end.
Document withNeuron(const Document& doc, std::size_t layer);
// Removes neuron `neuron` of `layer` with its weights, bias and, for the input or output layer, its column of the
// samples; a layer keeps at least 1 neuron.
Document withoutNeuron(const Document& doc, std::size_t layer, std::size_t neuron);
// Layers 1 … depth(): the input layer has neither activation nor bias.
Document withActivation(const Document& doc, std::size_t layer, Activation activation);
// Turning a bias on gives 0s; turning it off drops its values. Setting a layer's bias to what it is changes nothing.
Document withBias(const Document& doc, std::size_t layer, bool bias);

}  // namespace backstep
