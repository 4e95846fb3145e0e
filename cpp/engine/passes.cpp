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
    : z(perNeuron(net)), a(perNeuron(net)), delta(perNeuron(net)), gradW(perWeight(net)), gradB(perBias(net)) {}

Factors::Factors(const Network& net)
    : products(perWeight(net)),
      differences(net.outputs(), 0.0),
      errors(net.outputs(), 0.0),
      derivatives(perNeuron(net)),
      backProducts(perWeight(net)),
      backSums(perNeuron(net)),
      gradients(perWeight(net)) {
    for (const Layer& layer : net.layers) sizes.push_back(layer.size);
}

template <class Record>
void forward(const Network& net, const double* input, Workspace& ws, Record& record) {
    std::copy(input, input + net.inputs(), ws.a[0].begin());
    for (std::size_t l = 0; l < net.depth(); ++l) {
        const std::size_t in = net.layers[l].size;
        const Layer& dest = net.layers[l + 1];
        const double* w = net.weights[l].data();
        const double* src = ws.a[l].data();
        for (std::size_t j = 0; j < dest.size; ++j) {
            double z = 0.0;
            for (std::size_t i = 0; i < in; ++i) {
                const double product = w[j * in + i] * src[i];
                record.product(l, j, i, product);
                z += product;
            }
            if (dest.bias) z += net.biases[l][j];
            ws.z[l + 1][j] = z;
            ws.a[l + 1][j] = activate(dest.activation, z);
            ws.probe += z - z;
        }
    }
}

void forward(const Network& net, const double* input, Workspace& ws) {
    NoRecord none;
    forward(net, input, ws, none);
}

double halfSquaredError(const Network& net, const Workspace& ws, const double* target) {
    double e = 0.0;
    const auto& y = ws.a.back();
    for (std::size_t j = 0; j < net.outputs(); ++j) e += halfSquare(y[j] - target[j]);
    return e;
}

template <class Record>
void backward(const Network& net, const double* target, Workspace& ws, Record& record) {
    const std::size_t last = net.depth();
    const Activation fOut = net.layers[last].activation;
    double error = 0.0;
    for (std::size_t j = 0; j < net.outputs(); ++j) {
        const double difference = ws.a[last][j] - target[j];
        const double outputError = halfSquare(difference);
        const double fprime = derivative(fOut, ws.z[last][j], ws.a[last][j]);
        record.output(j, difference, outputError);
        record.derivative(last, j, fprime);
        error += outputError;
        ws.delta[last][j] = difference * fprime;
        ws.probe += ws.delta[last][j] - ws.delta[last][j];
    }
    ws.error = error;
    ws.probe += error - error;
    for (std::size_t k = last - 1; k >= 1; --k) {  // hidden layers, with the weights as they are (not yet updated)
        const std::size_t out = net.layers[k + 1].size;
        const std::size_t size = net.layers[k].size;
        const double* w = net.weights[k].data();
        for (std::size_t j = 0; j < size; ++j) {
            double sum = 0.0;
            for (std::size_t m = 0; m < out; ++m) {
                const double product = w[m * size + j] * ws.delta[k + 1][m];
                record.backProduct(k, j, m, product);
                sum += product;
            }
            const double fprime = derivative(net.layers[k].activation, ws.z[k][j], ws.a[k][j]);
            record.backSum(k, j, sum);
            record.derivative(k, j, fprime);
            ws.delta[k][j] = fprime * sum;
            ws.probe += ws.delta[k][j] - ws.delta[k][j];
        }
    }
    for (std::size_t l = 0; l < last; ++l) {
        const std::size_t in = net.layers[l].size;
        for (std::size_t j = 0; j < net.layers[l + 1].size; ++j) {
            const double d = ws.delta[l + 1][j];
            double* g = ws.gradW[l].data() + j * in;
            for (std::size_t i = 0; i < in; ++i) {
                const double gradient = d * ws.a[l][i];
                record.gradient(l, j, i, gradient);
                g[i] += gradient;
            }
            ws.gradB[l][j] += d;
        }
    }
}

void backward(const Network& net, const double* target, Workspace& ws) {
    NoRecord none;
    backward(net, target, ws, none);
}

template void forward<Factors>(const Network&, const double*, Workspace&, Factors&);
template void backward<Factors>(const Network&, const double*, Workspace&, Factors&);

void update(Network& net, Workspace& ws, double learningRate, double count, bool trainBiases) {
    for (std::size_t l = 0; l < net.depth(); ++l) {
        double* w = net.weights[l].data();
        double* g = ws.gradW[l].data();
        for (std::size_t i = 0; i < net.weights[l].size(); ++i) {
            g[i] /= count;
            w[i] -= learningRate * g[i];
        }
        for (std::size_t j = 0; j < net.biases[l].size(); ++j) {
            ws.gradB[l][j] /= count;
            if (trainBiases && net.layers[l + 1].bias) net.biases[l][j] -= learningRate * ws.gradB[l][j];
        }
    }
}

void clearGradients(Workspace& ws) {
    for (auto& g : ws.gradW) std::fill(g.begin(), g.end(), 0.0);
    for (auto& g : ws.gradB) std::fill(g.begin(), g.end(), 0.0);
}

}  // namespace backstep
