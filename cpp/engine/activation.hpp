// Activation functions: value f(z) and derivative f'(z), by name. The formulas are written once, in activateAs and
// derivativeAs; the per-value and per-layer forms below dispatch to them. The per-layer forms choose the function
// once per layer, outside the neuron loop, so the training loops run without a switch or a call per neuron.
#pragma once
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>

#include "exp.hpp"
#include "tanh.hpp"

namespace backstep {

enum class Activation { Linear, Sigmoid, Tanh, Relu };

template <Activation F>
inline double activateAs(double z) {
    if constexpr (F == Activation::Sigmoid) return 1.0 / (1.0 + engineExp(-z));
    if constexpr (F == Activation::Tanh) return engineTanh(z);
    if constexpr (F == Activation::Relu) return z > 0.0 ? z : 0.0;
    return z;  // Linear
}

// f'(z). `a` must be f(z); sigmoid and tanh use it to stay exact and cheap.
template <Activation F>
inline double derivativeAs(double z, double a) {
    if constexpr (F == Activation::Sigmoid) return a * (1.0 - a);
    if constexpr (F == Activation::Tanh) return 1.0 - a * a;
    if constexpr (F == Activation::Relu) return z > 0.0 ? 1.0 : 0.0;
    return 1.0;  // Linear
}

// Calls body(tag) with tag an std::integral_constant<Activation, f>: one switch, each case compiled for its function.
template <class Body>
inline void withActivation(Activation f, Body&& body) {
    switch (f) {
        case Activation::Linear:
            return body(std::integral_constant<Activation, Activation::Linear>{});
        case Activation::Sigmoid:
            return body(std::integral_constant<Activation, Activation::Sigmoid>{});
        case Activation::Tanh:
            return body(std::integral_constant<Activation, Activation::Tanh>{});
        case Activation::Relu:
            return body(std::integral_constant<Activation, Activation::Relu>{});
    }
}

inline double activate(Activation f, double z) {
    double a = z;
    withActivation(f, [&](auto tag) { a = activateAs<decltype(tag)::value>(z); });
    return a;
}

inline double derivative(Activation f, double z, double a) {
    double d = 1.0;
    withActivation(f, [&](auto tag) { d = derivativeAs<decltype(tag)::value>(z, a); });
    return d;
}

// a[j] = f(z[j]) for the n neurons of a layer.
inline void activateLayer(Activation f, const double* z, double* a, std::size_t n) {
    withActivation(f, [&](auto tag) {
        if constexpr (decltype(tag)::value == Activation::Tanh)
            tanhLayer(z, a, n);  // two neurons per call (tanh.hpp)
        else
            for (std::size_t j = 0; j < n; ++j) a[j] = activateAs<decltype(tag)::value>(z[j]);
    });
}

// d[j] = f'(z[j]) for the n neurons of a layer, a[j] = f(z[j]).
inline void derivativeLayer(Activation f, const double* z, const double* a, double* d, std::size_t n) {
    withActivation(f, [&](auto tag) {
        for (std::size_t j = 0; j < n; ++j) d[j] = derivativeAs<decltype(tag)::value>(z[j], a[j]);
    });
}

const char* activationName(Activation f);
std::optional<Activation> activationFromName(const std::string& name);

}  // namespace backstep
