// The gradient check's verdict, one rule for the table and the graph: backpropagation and the finite-difference
// estimate agree when their relative difference is below 10⁻⁴ (central differences in double precision reach about
// 10⁻⁹ on smooth activations; a ReLU kink near 0 or a huge value can miss).
export const AGREES_BELOW = 1e-4;

export const agrees = (parameter) => parameter.relativeDifference < AGREES_BELOW;
