#include "trace.hpp"

#include "json_number.hpp"

namespace backstep {
namespace {

using ojson = nlohmann::ordered_json;

std::string weightName(const Network& net, std::size_t l, std::size_t j, std::size_t i) {
    return "w" + std::to_string(weightNumber(net, l, j, i));
}
std::string biasName(const Network& net, std::size_t l, std::size_t j) { return "b" + std::to_string(biasNumber(net, l, j)); }

ojson inputEvent(const Network& net, const Sample& sample, std::size_t s) {
    ojson inputs = ojson::array(), targets = ojson::array();
    for (std::size_t i = 0; i < net.inputs(); ++i)
        inputs.push_back({{"name", neuronName(net, 0, i)}, {"neuron", i}, {"value", jsonNumber(sample.input[i])}});
    for (std::size_t j = 0; j < net.outputs(); ++j)
        targets.push_back({{"name", neuronName(net, net.depth(), j)}, {"neuron", j}, {"value", jsonNumber(sample.target[j])}});
    return {{"kind", "input"}, {"sample", s}, {"inputs", inputs}, {"targets", targets}};
}

ojson forwardEvent(const Network& net, const Workspace& ws, std::size_t s, std::size_t l, std::size_t j) {
    ojson terms = ojson::array();
    for (std::size_t i = 0; i < net.layers[l].size; ++i) {
        const double w = net.weight(l, j, i), a = ws.a[l][i];
        terms.push_back({{"weight", weightName(net, l, j, i)}, {"source", neuronName(net, l, i)}, {"sourceNeuron", i},
                         {"w", jsonNumber(w)}, {"a", jsonNumber(a)}, {"product", jsonNumber(w * a)}});
    }
    const Layer& layer = net.layers[l + 1];
    ojson bias = nullptr;
    if (layer.bias) bias = {{"name", biasName(net, l, j)}, {"value", jsonNumber(net.biases[l][j])}};
    return {{"kind", "forward"}, {"sample", s}, {"layer", l + 1}, {"neuron", j}, {"name", neuronName(net, l + 1, j)},
            {"terms", terms}, {"bias", bias}, {"z", jsonNumber(ws.z[l + 1][j])},
            {"activation", activationName(layer.activation)}, {"a", jsonNumber(ws.a[l + 1][j])}};
}

ojson errorEvent(const Network& net, const Workspace& ws, const Sample& sample, std::size_t s) {
    ojson outputs = ojson::array();
    const std::size_t last = net.depth();
    for (std::size_t j = 0; j < net.outputs(); ++j) {
        const double y = ws.a[last][j], t = sample.target[j];
        outputs.push_back({{"name", neuronName(net, last, j)}, {"neuron", j}, {"prediction", jsonNumber(y)},
                           {"target", jsonNumber(t)}, {"difference", jsonNumber(y - t)},
                           {"error", jsonNumber(0.5 * (y - t) * (y - t))}});
    }
    return {{"kind", "error"}, {"sample", s}, {"outputs", outputs},
            {"total", jsonNumber(halfSquaredError(net, ws, sample.target.data()))}};
}

ojson deltaEvent(const Network& net, const Workspace& ws, const Sample& sample, std::size_t s, std::size_t k, std::size_t j) {
    const Layer& layer = net.layers[k];
    const double fprime = derivative(layer.activation, ws.z[k][j], ws.a[k][j]);
    ojson e = {{"kind", "delta"}, {"sample", s}, {"layer", k}, {"neuron", j}, {"name", neuronName(net, k, j)},
               {"output", k == net.depth()}, {"activation", activationName(layer.activation)},
               {"z", jsonNumber(ws.z[k][j])}, {"a", jsonNumber(ws.a[k][j])}};
    if (k == net.depth()) {
        e["target"] = jsonNumber(sample.target[j]);
        e["difference"] = jsonNumber(ws.a[k][j] - sample.target[j]);
    } else {
        ojson terms = ojson::array();
        double sum = 0.0;
        for (std::size_t m = 0; m < net.layers[k + 1].size; ++m) {
            const double w = net.weight(k, m, j), d = ws.delta[k + 1][m];
            sum += w * d;
            terms.push_back({{"weight", weightName(net, k, m, j)}, {"dest", neuronName(net, k + 1, m)}, {"destNeuron", m},
                             {"w", jsonNumber(w)}, {"delta", jsonNumber(d)}, {"product", jsonNumber(w * d)}});
        }
        e["terms"] = terms;
        e["sum"] = jsonNumber(sum);
    }
    e["derivative"] = jsonNumber(fprime);
    e["delta"] = jsonNumber(ws.delta[k][j]);
    return e;
}

ojson gradientEvents(const Network& net, const Workspace& ws, std::size_t s, std::size_t l) {
    ojson events = ojson::array();
    for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
        const double d = ws.delta[l + 1][j];
        for (std::size_t i = 0; i < net.layers[l].size; ++i)
            events.push_back({{"kind", "gradient"}, {"sample", s}, {"parameter", weightName(net, l, j, i)}, {"type", "weight"},
                              {"layer", l}, {"dest", j}, {"source", i}, {"destName", neuronName(net, l + 1, j)},
                              {"sourceName", neuronName(net, l, i)}, {"delta", jsonNumber(d)}, {"a", jsonNumber(ws.a[l][i])},
                              {"gradient", jsonNumber(d * ws.a[l][i])}});
        if (net.layers[l + 1].bias)
            events.push_back({{"kind", "gradient"}, {"sample", s}, {"parameter", biasName(net, l, j)}, {"type", "bias"},
                              {"layer", l}, {"dest", j}, {"destName", neuronName(net, l + 1, j)}, {"delta", jsonNumber(d)},
                              {"gradient", jsonNumber(d)}});
    }
    return events;
}

void append(ojson& list, const ojson& more) {
    for (const auto& e : more) list.push_back(e);
}

ojson updateEvents(const Network& before, const Network& after, const Workspace& sums, double eta, std::size_t count,
                   bool trainBiases) {
    ojson events = ojson::array();
    const double n = static_cast<double>(count);
    for (std::size_t l = 0; l < before.depth(); ++l) {
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            for (std::size_t i = 0; i < before.layers[l].size; ++i) {
                const std::size_t at = j * before.layers[l].size + i;
                events.push_back({{"kind", "update"}, {"parameter", weightName(before, l, j, i)}, {"type", "weight"},
                                  {"layer", l}, {"dest", j}, {"source", i}, {"old", jsonNumber(before.weights[l][at])},
                                  {"gradient", jsonNumber(sums.gradW[l][at] / n)}, {"learningRate", jsonNumber(eta)},
                                  {"new", jsonNumber(after.weights[l][at])}});
            }
    }
    for (std::size_t l = 0; l < before.depth(); ++l) {  // every weight first, then every trained bias (TRACE.md)
        if (!trainBiases || !before.layers[l + 1].bias) continue;
        for (std::size_t j = 0; j < before.layers[l + 1].size; ++j)
            events.push_back({{"kind", "update"}, {"parameter", biasName(before, l, j)}, {"type", "bias"}, {"layer", l},
                              {"dest", j}, {"old", jsonNumber(before.biases[l][j])},
                              {"gradient", jsonNumber(sums.gradB[l][j] / n)}, {"learningRate", jsonNumber(eta)},
                              {"new", jsonNumber(after.biases[l][j])}});
    }
    return events;
}

ojson resultEvent(const Network& net, Workspace& ws, const Sample& sample, std::size_t s) {
    forward(net, sample.input.data(), ws);
    ojson prediction = ojson::array();
    for (double y : ws.a.back()) prediction.push_back(jsonNumber(y));
    return {{"kind", "result"}, {"sample", s}, {"prediction", prediction},
            {"error", jsonNumber(halfSquaredError(net, ws, sample.target.data()))}};
}

}  // namespace

ojson traceStep(Document& doc, Position& position) {
    Network& net = doc.network;
    const Network before = net;
    Workspace ws(net);
    const std::size_t first = position.sample, end = batchEnd(doc, position);
    ojson events = ojson::array();
    for (std::size_t s = first; s < end; ++s) {
        const Sample& sample = doc.samples[s];
        events.push_back(inputEvent(net, sample, s));
        forward(net, sample.input.data(), ws);
        for (std::size_t l = 0; l < net.depth(); ++l)
            for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) events.push_back(forwardEvent(net, ws, s, l, j));
        events.push_back(errorEvent(net, ws, sample, s));
        backward(net, sample.target.data(), ws);
        for (std::size_t k = net.depth(); k >= 1; --k) {
            for (std::size_t j = 0; j < net.layers[k].size; ++j) events.push_back(deltaEvent(net, ws, sample, s, k, j));
            append(events, gradientEvents(net, ws, s, k - 1));
        }
    }
    Workspace sums = ws;  // keeps the summed gradients, which update() clears
    update(net, ws, doc.learningRate, static_cast<double>(end - first), doc.trainBiases);
    append(events, updateEvents(before, net, sums, doc.learningRate, end - first, doc.trainBiases));
    for (std::size_t s = first; s < end; ++s) events.push_back(resultEvent(net, ws, doc.samples[s], s));
    ojson trace = {{"format", "backstep-trace/1"}, {"epoch", position.epoch}, {"step", position.step},
                   {"samples", ojson::array()}, {"batchSize", end - first}, {"learningRate", jsonNumber(doc.learningRate)},
                   {"events", events}};
    for (std::size_t s = first; s < end; ++s) trace["samples"].push_back(s);
    advance(doc, position);
    return trace;
}

ojson labels(const Network& net) {
    ojson neurons = ojson::array(), weights = ojson::array(), biases = ojson::array();
    for (std::size_t k = 0; k < net.layers.size(); ++k) {
        ojson names = ojson::array();
        for (std::size_t j = 0; j < net.layers[k].size; ++j) names.push_back(neuronName(net, k, j));
        neurons.push_back(names);
    }
    for (std::size_t l = 0; l < net.depth(); ++l) {
        ojson rows = ojson::array(), b = ojson::array();
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
            ojson row = ojson::array();
            for (std::size_t i = 0; i < net.layers[l].size; ++i) row.push_back(weightName(net, l, j, i));
            rows.push_back(row);
            b.push_back(net.layers[l + 1].bias ? ojson(biasName(net, l, j)) : ojson(nullptr));
        }
        weights.push_back(rows);
        biases.push_back(b);
    }
    return {{"neurons", neurons}, {"weights", weights}, {"biases", biases}};
}

}  // namespace backstep
