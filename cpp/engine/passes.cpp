#include "passes.hpp"

#include <algorithm>

namespace backstep {

namespace {

std::vector<std::vector<double>> perNeuron(const Network& net) {
    std::vector<std::vector<double>> values(net.layers.size());
    for (std::size_t k = 0; k < net.layers.size(); ++k) values[k].assign(net.layers[k].size, 0.0);
    return values;
}

std::vector<std::vector<double>> perWeight(const Network& net) {
    std::vector<std::vector<double>> values(net.depth());
    for (std::size_t l = 0; l < net.depth(); ++l) values[l].assign(net.weights[l].size(), 0.0);
    return values;
}

std::vector<std::vector<double>> perBias(const Network& net) {
    std::vector<std::vector<double>> values(net.depth());
    for (std::size_t l = 0; l < net.depth(); ++l) values[l].assign(net.biases[l].size(), 0.0);
    return values;
}

}  // namespace

Workspace::Workspace(const Network& net)
    : z(perNeuron(net)),
      a(perNeuron(net)),
      delta(perNeuron(net)),
      fprime(perNeuron(net)),
      gradW(perWeight(net)),
      gradB(perBias(net)) {}

Factors::Factors(const Network& net, Rounding rounding)
    : products(perWeight(net)),
      differences(net.outputs(), 0.0),
      errors(net.outputs(), 0.0),
      derivatives(perNeuron(net)),
      backProducts(perWeight(net)),
      backSums(perNeuron(net)),
      gradients(perWeight(net)),
      rounding(rounding) {
    for (const Layer& layer : net.layers) sizes.push_back(layer.size);
}

namespace {

// Σ (x − x) over n values: 0 while all are finite, NaN from the first that is not (no branch).
double probeOf(const double* x, std::size_t n) {
    double probe = 0.0;
    for (std::size_t j = 0; j < n; ++j) probe += x[j] - x[j];
    return probe;
}

}  // namespace

// Each layer in two loops: the weighted sums, then f over the layer (the activation chosen once per layer).
template <class Record>
void forward(const Network& net, const double* input, Workspace& ws, Record& record) {
    std::copy(input, input + net.inputs(), ws.a[0].begin());
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const std::size_t in = net.layers[l].size;
        const Layer& dest = net.layers[l + 1];
        const double* src = ws.a[l].data();
        const double* b = net.biases[l].data();
        double* z = ws.z[l + 1].data();
        for (std::size_t j = 0; j < dest.size; ++j) {
            const double* w = net.weights[l].data() + j * in;
            double sum = 0.0;
            for (std::size_t i = 0; i < in; ++i) {
                const double product = w[i] * src[i];
                record.product(l, j, i, product);
                sum += product;
            }
            z[j] = record.round(dest.bias ? sum + b[j] : sum);
        }
        activateLayer(dest.activation, z, ws.a[l + 1].data(), dest.size);
        record.roundEach(ws.a[l + 1].data(), dest.size);
        ws.probe += probeOf(z, dest.size);
    }
}

void forward(const Network& net, const double* input, Workspace& ws) {
    NoRecord none;
    forward(net, input, ws, none);
}

namespace {

// Δ = y − t of one output, and its error ½ Δ², each as the recorder rounds it.
template <class Record>
double outputMiss(double y, double target, Record& record, double& error) {
    const double difference = record.round(y - target);
    error = record.round(halfSquare(difference));
    return difference;
}

}  // namespace

template <class Record>
double halfSquaredError(const Network& net, const Workspace& ws, const double* target, Record& record) {
    double e = 0.0, error = 0.0;
    const auto& y = ws.a.back();
    for (std::size_t j = 0; j < net.outputs(); ++j) {
        outputMiss(y[j], target[j], record, error);
        e += error;
    }
    return record.round(e);
}

double halfSquaredError(const Network& net, const Workspace& ws, const double* target) {
    NoRecord none;
    return halfSquaredError(net, ws, target, none);
}

namespace {

// The output layer's deltas, δ = (y − t) · f′(z), and E.
template <class Record>
void outputDeltas(const Network& net, const double* target, Workspace& ws, Record& record) {
    const std::size_t last = net.depth(), size = net.outputs();
    const double* y = ws.a[last].data();
    double* fprime = ws.fprime[last].data();
    double* delta = ws.delta[last].data();
    derivativeLayer(net.layers[last].activation, ws.z[last].data(), y, fprime, size);
    record.roundEach(fprime, size);
    double error = 0.0;
    for (std::size_t j = 0; j < size; ++j) {
        double outputError = 0.0;
        const double difference = outputMiss(y[j], target[j], record, outputError);
        record.output(j, difference, outputError);
        record.derivative(last, j, fprime[j]);
        error += outputError;
        delta[j] = record.round(difference * fprime[j]);
    }
    ws.error = record.round(error);
    ws.probe += probeOf(delta, size) + (error - error);
}

// The deltas of hidden layer k, δ_j = f′(z_j) · Σ_m w_mj δ_m, with the weights as they are (not yet updated, but
// in the output-first variant).
// The sums run over the rows of the weight matrix (each sum still adds its terms in the order m = 0, 1 …), so the
// inner loop reads contiguous weights; they are built in delta[k] itself, then scaled by f′.
// `afterWeight(m, j)` runs once each weight w_mj has been read (training's fused step updates it there).
template <class Record, class AfterWeight>
void hiddenDeltas(const Network& net, std::size_t k, Workspace& ws, Record& record, AfterWeight&& afterWeight) {
    const std::size_t out = net.layers[k + 1].size, size = net.layers[k].size;
    const double* next = ws.delta[k + 1].data();
    double* sum = ws.delta[k].data();
    std::fill(sum, sum + size, 0.0);
    for (std::size_t m = 0; m < out; ++m) {
        const double* w = net.weights[k].data() + m * size;
        for (std::size_t j = 0; j < size; ++j) {
            const double product = w[j] * next[m];
            record.backProduct(k, j, m, product);
            sum[j] += product;
            afterWeight(m, j);
        }
    }
    double* fprime = ws.fprime[k].data();
    derivativeLayer(net.layers[k].activation, ws.z[k].data(), ws.a[k].data(), fprime, size);
    record.roundEach(fprime, size);
    for (std::size_t j = 0; j < size; ++j) {
        sum[j] = record.round(sum[j]);
        record.backSum(k, j, sum[j]);
        record.derivative(k, j, fprime[j]);
        sum[j] = record.round(fprime[j] * sum[j]);  // now δ_j
    }
    ws.probe += probeOf(sum, size);
}

// Adds this sample's ∂E/∂w = δ · a and ∂E/∂b = δ of weight layer l to the batch's sums.
template <class Record>
void accumulateGradients(const Network& net, std::size_t l, Workspace& ws, Record& record) {
    const std::size_t in = net.layers[l].size, size = net.layers[l + 1].size;
    const double* src = ws.a[l].data();
    const double* delta = ws.delta[l + 1].data();
    double* gradB = ws.gradB[l].data();
    for (std::size_t j = 0; j < size; ++j) {
        const double d = delta[j];
        double* g = ws.gradW[l].data() + j * in;
        for (std::size_t i = 0; i < in; ++i) {
            const double gradient = record.round(d * src[i]);
            record.gradient(l, j, i, gradient);
            g[i] += gradient;
        }
        gradB[j] += d;
    }
}

// The backward pass, weight layer by weight layer from the output: its gradients once the deltas above it are known,
// then `afterGradients(l)` (the output-first variant updates layer l there), then the deltas of the layer below.
template <class Record, class AfterGradients>
void backwardLayers(const Network& net, const double* target, Workspace& ws, Record& record,
                    AfterGradients&& afterGradients) {
    outputDeltas(net, target, ws, record);
    for (std::size_t l = net.depth(); l-- > 0;) {
        accumulateGradients(net, l, ws, record);
        afterGradients(l);
        if (l >= 1) hiddenDeltas(net, l, ws, record, [](std::size_t, std::size_t) {});
    }
}

// update() of weight layer l, and with Clear its gradients zeroed in the same pass (for training, which never reads
// the means); Round is how each mean and each new value is rounded.
template <bool Clear, class Round>
void applyMeans(Network& net, Workspace& ws, std::size_t l, const UpdateRule& rule, const Round& round) {
    const std::size_t weights = net.weights[l].size(), biases = net.biases[l].size();
    const double count = rule.count, learningRate = rule.learningRate;
    double* w = net.weights[l].data();
    double* g = ws.gradW[l].data();
    if (count != 1.0)  // a batch of one is its own mean (x / 1 = x exactly): no division on the hot path
        for (std::size_t i = 0; i < weights; ++i) g[i] = round(g[i] / count);
    for (std::size_t i = 0; i < weights; ++i) {
        w[i] = round(descend(w[i], learningRate, g[i]));
        if constexpr (Clear) g[i] = 0.0;
    }
    double* b = net.biases[l].data();
    double* gb = ws.gradB[l].data();
    if (count != 1.0)
        for (std::size_t j = 0; j < biases; ++j) gb[j] = round(gb[j] / count);
    if (rule.trainBiases && net.layers[l + 1].bias)
        for (std::size_t j = 0; j < biases; ++j) b[j] = round(descend(b[j], learningRate, gb[j]));
    if constexpr (Clear) std::fill(gb, gb + biases, 0.0);
}

struct NoRounding {
    double operator()(double x) const { return x; }
};

}  // namespace

template <class Record>
void backward(const Network& net, const double* target, Workspace& ws, Record& record) {
    backwardLayers(net, target, ws, record, [](std::size_t) {});
}

void backward(const Network& net, const double* target, Workspace& ws) {
    NoRecord none;
    backward(net, target, ws, none);
}

template <class Record>
void backwardUpdatingFirst(Network& net, const double* target, Workspace& ws, Record& record, const UpdateRule& rule) {
    backwardLayers(net, target, ws, record, [&](std::size_t l) { applyMeans<false>(net, ws, l, rule, rule.rounding); });
}

template void forward<Factors>(const Network&, const double*, Workspace&, Factors&);
template double halfSquaredError<Factors>(const Network&, const Workspace&, const double*, Factors&);
template void backward<Factors>(const Network&, const double*, Workspace&, Factors&);
template void backwardUpdatingFirst<Factors>(Network&, const double*, Workspace&, Factors&, const UpdateRule&);

void update(Network& net, Workspace& ws, const UpdateRule& rule) {
    for (std::size_t l = 0; l < net.depth(); ++l) applyMeans<false>(net, ws, l, rule, rule.rounding);
}

void update(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases) {
    update(net, ws, UpdateRule{learningRate, count, trainBiases});
}

void updateAndClear(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases) {
    const UpdateRule rule{learningRate, count, trainBiases};
    for (std::size_t l = 0; l < net.depth(); ++l) applyMeans<true>(net, ws, l, rule, NoRounding{});
}

void backwardAndDescend(Network& net, const double* target, Workspace& ws, double learningRate, bool trainBiases) {
    NoRecord none;
    outputDeltas(net, target, ws, none);
    for (std::size_t l = net.depth(); l-- > 0;) {
        const std::size_t in = net.layers[l].size, size = net.layers[l + 1].size;
        const double* src = ws.a[l].data();
        const double* delta = ws.delta[l + 1].data();
        double* w = net.weights[l].data();
        // The gradient as backward() sums it into a cleared buffer (0 + δ·a: −0 becomes +0), as update() reads it.
        const auto descendWeight = [&](std::size_t m, std::size_t j) {
            w[m * in + j] = descend(w[m * in + j], learningRate, 0.0 + delta[m] * src[j]);
        };
        if (l >= 1)
            hiddenDeltas(net, l, ws, none, descendWeight);  // reads each weight, then updates it
        else
            for (std::size_t m = 0; m < size; ++m)
                for (std::size_t j = 0; j < in; ++j) descendWeight(m, j);
        if (trainBiases && net.layers[l + 1].bias) {
            double* b = net.biases[l].data();
            for (std::size_t m = 0; m < size; ++m) b[m] = descend(b[m], learningRate, 0.0 + delta[m]);
        }
    }
}

void clearGradients(Workspace& ws) {
    for (auto& g : ws.gradW) std::fill(g.begin(), g.end(), 0.0);
    for (auto& g : ws.gradB) std::fill(g.begin(), g.end(), 0.0);
}

}  // namespace backstep
