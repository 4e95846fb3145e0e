#include "passes.hpp"

#include <algorithm>

namespace backstep {

Workspace::Workspace(const Network& net) {
    const std::size_t n = net.layers.size();
    z.resize(n);
    a.resize(n);
    delta.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        z[k].assign(net.layers[k].size, 0.0);
        a[k].assign(net.layers[k].size, 0.0);
        delta[k].assign(net.layers[k].size, 0.0);
    }
    gradW.resize(net.depth());
    gradB.resize(net.depth());
    for (std::size_t l = 0; l < net.depth(); ++l) {
        gradW[l].assign(net.weights[l].size(), 0.0);
        gradB[l].assign(net.biases[l].size(), 0.0);
    }
}

void forward(const Network& net, const double* input, Workspace& ws) {
    std::copy(input, input + net.inputs(), ws.a[0].begin());
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const std::size_t in = net.layers[l].size;
        const Layer& dest = net.layers[l + 1];
        const double* w = net.weights[l].data();
        const double* src = ws.a[l].data();
        for (std::size_t j = 0; j < dest.size; ++j) {
            double z = 0.0;
            for (std::size_t i = 0; i < in; ++i) z += w[j * in + i] * src[i];
            if (dest.bias) z += net.biases[l][j];
            ws.z[l + 1][j] = z;
            ws.a[l + 1][j] = activate(dest.activation, z);
            ws.probe += z - z;
        }
    }
}

double halfSquaredError(const Network& net, const Workspace& ws, const double* target) {
    double e = 0.0;
    const auto& y = ws.a.back();
    for (std::size_t j = 0; j < net.outputs(); ++j) e += 0.5 * (y[j] - target[j]) * (y[j] - target[j]);
    return e;
}

void backward(const Network& net, const double* target, Workspace& ws) {
    const std::size_t last = net.depth();
    const Activation fOut = net.layers[last].activation;
    double error = 0.0;
    for (std::size_t j = 0; j < net.outputs(); ++j) {
        const double difference = ws.a[last][j] - target[j];
        error += 0.5 * difference * difference;
        ws.delta[last][j] = difference * derivative(fOut, ws.z[last][j], ws.a[last][j]);
        ws.probe += ws.delta[last][j] - ws.delta[last][j];
    }
    ws.probe += error - error;
    for (std::size_t k = last - 1; k >= 1; --k) {  // hidden layers, with the weights as they are (not yet updated)
        const std::size_t out = net.layers[k + 1].size;
        const std::size_t size = net.layers[k].size;
        const double* w = net.weights[k].data();
        for (std::size_t j = 0; j < size; ++j) {
            double sum = 0.0;
            for (std::size_t m = 0; m < out; ++m) sum += w[m * size + j] * ws.delta[k + 1][m];
            ws.delta[k][j] = derivative(net.layers[k].activation, ws.z[k][j], ws.a[k][j]) * sum;
            ws.probe += ws.delta[k][j] - ws.delta[k][j];
        }
    }
    for (std::size_t l = 0; l < last; ++l) {
        const std::size_t in = net.layers[l].size;
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
            const double d = ws.delta[l + 1][j];
            double* g = ws.gradW[l].data() + j * in;
            for (std::size_t i = 0; i < in; ++i) g[i] += d * ws.a[l][i];
            ws.gradB[l][j] += d;
        }
    }
}

void update(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases) {
    for (std::size_t l = 0; l < net.depth(); ++l) {
        double* w = net.weights[l].data();
        const double* g = ws.gradW[l].data();
        for (std::size_t i = 0; i < net.weights[l].size(); ++i) w[i] -= learningRate * (g[i] / count);
        if (trainBiases && net.layers[l + 1].bias)
            for (std::size_t j = 0; j < net.biases[l].size(); ++j)
                net.biases[l][j] -= learningRate * (ws.gradB[l][j] / count);
    }
    clearGradients(ws);
}

void clearGradients(Workspace& ws) {
    for (auto& g : ws.gradW) std::fill(g.begin(), g.end(), 0.0);
    for (auto& g : ws.gradB) std::fill(g.begin(), g.end(), 0.0);
}

}  // namespace backstep
