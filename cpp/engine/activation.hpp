// Activation functions: value f(z) and derivative f'(z), by name.
#pragma once
#include <optional>
#include <string>

namespace backstep {

enum class Activation { Linear, Sigmoid, Tanh, Relu };

double activate(Activation f, double z);
// f'(z). `a` must be f(z); sigmoid and tanh use it to stay exact and cheap.
double derivative(Activation f, double z, double a);

const char* activationName(Activation f);
std::optional<Activation> activationFromName(const std::string& name);

}  // namespace backstep
