#include "activation.hpp"

#include <cmath>

namespace backstep {

double activate(Activation f, double z) {
    switch (f) {
        case Activation::Linear:
            return z;
        case Activation::Sigmoid:
            return 1.0 / (1.0 + std::exp(-z));
        case Activation::Tanh:
            return std::tanh(z);
        case Activation::Relu:
            return z > 0.0 ? z : 0.0;
    }
    return z;
}

double derivative(Activation f, double z, double a) {
    switch (f) {
        case Activation::Linear:
            return 1.0;
        case Activation::Sigmoid:
            return a * (1.0 - a);
        case Activation::Tanh:
            return 1.0 - a * a;
        case Activation::Relu:
            return z > 0.0 ? 1.0 : 0.0;
    }
    return 1.0;
}

const char* activationName(Activation f) {
    switch (f) {
        case Activation::Linear:
            return "linear";
        case Activation::Sigmoid:
            return "sigmoid";
        case Activation::Tanh:
            return "tanh";
        case Activation::Relu:
            return "relu";
    }
    return "linear";
}

std::optional<Activation> activationFromName(const std::string& name) {
    for (Activation f : {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu})
        if (name == activationName(f)) return f;
    return std::nullopt;
}

}  // namespace backstep
