// How big a network the architecture editor builds: up to 6 hidden layers, 1 to 8 neurons a layer (inputs and outputs
// too), so that every shape is drawn legibly and trains at interactive speed.
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;
