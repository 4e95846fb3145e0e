#include "activation.hpp"

namespace backstep {

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
