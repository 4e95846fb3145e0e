// Shape edits: every surviving weight, bias and sample value keeps its bits at its new place, everything new is 0,
// the input document is untouched and every result is a valid document. Where things go is worked out here
// independently of shape.cpp: forwards, from each old layer and neuron to its new place.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "document.hpp"
#include "error.hpp"
#include "limits.hpp"
#include "shape.hpp"
#include "test_support.hpp"

using namespace backstep;

namespace {

constexpr std::size_t gone = static_cast<std::size_t>(-1);

std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// An edit as the tests see it: where old layer k and neuron i of old layer k went (or gone).
struct Moves {
    std::function<std::size_t(std::size_t)> layer;
    std::function<std::size_t(std::size_t, std::size_t)> neuron;
};

Moves same() {
    return {[](std::size_t k) { return k; }, [](std::size_t, std::size_t i) { return i; }};
}

Moves insertedLayer(std::size_t at) {
    return {[at](std::size_t k) { return k < at ? k : k + 1; }, [](std::size_t, std::size_t i) { return i; }};
}

Moves removedLayer(std::size_t layer) {
    return {[layer](std::size_t k) { return k == layer  ? gone
                                            : k < layer ? k
                                                        : k - 1; },
            [](std::size_t, std::size_t i) { return i; }};
}

Moves removedNeuron(std::size_t layer, std::size_t neuron) {
    return {[](std::size_t k) { return k; },
            [layer, neuron](std::size_t k, std::size_t i) {
                if (k != layer) return i;
                return i == neuron ? gone : i < neuron ? i : i - 1;
            }};
}

Document fixture(const char* name) { return readDocument(testsupport::fixture(name)); }

// 3-4-3-2 with names, biases on two layers, distinct values everywhere (one of them −0), several samples, settings
// that differ from the defaults and a field from a later revision.
Document rich() {
    Document d;
    d.title = "rich";
    d.network.layers = {{3, Activation::Linear, false, "x"},
                        {4, Activation::Sigmoid, true, "h"},
                        {3, Activation::Tanh, false, ""},
                        {2, Activation::Relu, true, "y"}};
    shapeParameters(d.network);
    int n = 0;
    for (auto& w : d.network.weights)
        for (double& x : w) x = (++n % 2 ? -n : n) / 7.0;
    d.network.weights[1][2] = -0.0;  // a sign bit must survive too
    for (std::size_t l = 0; l < d.network.depth(); ++l)
        if (d.network.layers[l + 1].bias)
            for (double& b : d.network.biases[l]) b = ++n / 3.0;
    for (int s = 0; s < 3; ++s)
        d.samples.push_back({{(3 * s + 1) / 13.0, (3 * s + 2) / 13.0, (3 * s + 3) / 13.0}, {s / 9.0, -s / 11.0}});
    d.trainBiases = false;
    d.learningRate = 0.3;
    d.batchSize = 2;
    d.extraFields = {{"note", "kept"}};
    return readDocument(writeDocument(d, 0));
}

std::vector<Document> examples() { return {fixture("seed.json"), fixture("mazur.json"), rich()}; }

void checkShapes(const Document& d) {
    const Network& net = d.network;
    REQUIRE(net.weights.size() == net.depth());
    REQUIRE(net.biases.size() == net.depth());
    for (std::size_t l = 0; l < net.depth(); ++l) {
        REQUIRE(net.weights[l].size() == net.layers[l].size * net.layers[l + 1].size);
        REQUIRE(net.biases[l].size() == net.layers[l + 1].size);
        if (!net.layers[l + 1].bias)
            for (double b : net.biases[l]) CHECK(bits(b) == bits(0.0));
    }
    for (const Sample& s : d.samples) {
        REQUIRE(s.input.size() == net.inputs());
        REQUIRE(s.target.size() == net.outputs());
    }
}

// Each old value is at its new place with the same bits, and every value nobody moved there is +0.
void checkWeights(const Network& o, const Network& n, const Moves& moves) {
    std::vector<std::vector<bool>> moved(n.depth());
    for (std::size_t l = 0; l < n.depth(); ++l) moved[l].assign(n.weights[l].size(), false);
    for (std::size_t l = 0; l < o.depth(); ++l) {
        const std::size_t L = moves.layer(l), L1 = moves.layer(l + 1);
        if (L == gone || L1 == gone || L1 != L + 1) continue;  // a matrix survives between neighbours only
        for (std::size_t j = 0; j < o.layers[l + 1].size; ++j)
            for (std::size_t i = 0; i < o.layers[l].size; ++i) {
                const std::size_t J = moves.neuron(l + 1, j), I = moves.neuron(l, i);
                if (J == gone || I == gone) continue;
                CAPTURE(l);
                CAPTURE(j);
                CAPTURE(i);
                CHECK(bits(n.weight(L, J, I)) == bits(o.weight(l, j, i)));
                moved[L][J * n.layers[L].size + I] = true;
            }
    }
    for (std::size_t l = 0; l < n.depth(); ++l)
        for (std::size_t k = 0; k < n.weights[l].size(); ++k)
            if (!moved[l][k]) CHECK(bits(n.weights[l][k]) == bits(0.0));
}

void checkBiases(const Network& o, const Network& n, const Moves& moves) {
    std::vector<std::vector<bool>> moved(n.depth());
    for (std::size_t l = 0; l < n.depth(); ++l) moved[l].assign(n.biases[l].size(), false);
    for (std::size_t k = 1; k < o.layers.size(); ++k) {
        const std::size_t K = moves.layer(k);
        if (K == gone || !o.layers[k].bias || !n.layers[K].bias) continue;
        for (std::size_t j = 0; j < o.layers[k].size; ++j) {
            const std::size_t J = moves.neuron(k, j);
            if (J == gone) continue;
            CAPTURE(k);
            CAPTURE(j);
            CHECK(bits(n.biases[K - 1][J]) == bits(o.biases[k - 1][j]));
            moved[K - 1][J] = true;
        }
    }
    for (std::size_t l = 0; l < n.depth(); ++l)
        for (std::size_t j = 0; j < n.biases[l].size(); ++j)
            if (!moved[l][j]) CHECK(bits(n.biases[l][j]) == bits(0.0));
}

// One column of the samples (inputs: layer 0, targets: the output layer), moved like the neurons of that layer.
void checkColumns(const std::vector<double>& o, const std::vector<double>& n, const Moves& moves, std::size_t layer) {
    std::vector<bool> moved(n.size(), false);
    for (std::size_t i = 0; i < o.size(); ++i) {
        const std::size_t I = moves.neuron(layer, i);
        if (I == gone) continue;
        CHECK(bits(n[I]) == bits(o[i]));
        moved[I] = true;
    }
    for (std::size_t i = 0; i < n.size(); ++i)
        if (!moved[i]) CHECK(bits(n[i]) == bits(0.0));
}

void checkKept(const Document& before, const Document& after, const Moves& moves) {
    CHECK(after.title == before.title);
    CHECK(bits(after.learningRate) == bits(before.learningRate));
    CHECK(after.trainBiases == before.trainBiases);
    CHECK(after.batchSize == std::min(before.batchSize, before.samples.size()));
    CHECK(after.extraFields == before.extraFields);
    for (std::size_t k = 0; k < before.network.layers.size(); ++k)
        if (moves.layer(k) != gone) CHECK(after.network.layers[moves.layer(k)].name == before.network.layers[k].name);
}

void checkEdit(const Document& before, const Document& after, const Moves& moves) {
    checkShapes(after);
    checkWeights(before.network, after.network, moves);
    checkBiases(before.network, after.network, moves);
    REQUIRE(after.samples.size() == before.samples.size());
    for (std::size_t s = 0; s < before.samples.size(); ++s) {
        CAPTURE(s);
        checkColumns(before.samples[s].input, after.samples[s].input, moves, 0);
        checkColumns(before.samples[s].target, after.samples[s].target, moves, before.network.depth());
    }
    checkKept(before, after, moves);
    const std::string text = writeDocument(after);
    CHECK(writeDocument(readDocument(text)) == text);
}

// Applies `edit`, checks the input is untouched and the result is `doc` moved by `moves`.
Document edited(const Document& doc, const std::function<Document(const Document&)>& edit, const Moves& moves) {
    const std::string original = writeDocument(doc);
    Document after = edit(doc);
    CHECK(writeDocument(doc) == original);
    checkEdit(doc, after, moves);
    return after;
}

std::string refusal(const std::function<void()>& edit) {
    try {
        edit();
    } catch (const EngineError& e) {
        return e.what();
    }
    return "(not refused)";
}

std::vector<std::size_t> sizes(const Document& d) {
    std::vector<std::size_t> out;
    for (const Layer& layer : d.network.layers) out.push_back(layer.size);
    return out;
}

}  // namespace

TEST_CASE("shape: withLayer at every position keeps the matrices between unchanged neighbours") {
    for (const Document& doc : examples()) {
        CAPTURE(doc.title);
        for (std::size_t at = 1; at <= doc.network.depth(); ++at) {
            CAPTURE(at);
            const Document after = edited(
                doc, [at](const Document& d) { return withLayer(d, at, 3, Activation::Tanh, true); },
                insertedLayer(at));
            REQUIRE(after.network.layers.size() == doc.network.layers.size() + 1);
            const Layer& added = after.network.layers[at];
            CHECK(added.size == 3);
            CHECK(added.activation == Activation::Tanh);
            CHECK(added.bias);
            CHECK(added.name.empty());
        }
    }
}

TEST_CASE("shape: withoutLayer removes each hidden layer; the matrix joining its neighbours is new") {
    for (const Document& doc : examples()) {
        CAPTURE(doc.title);
        for (std::size_t layer = 1; layer < doc.network.depth(); ++layer) {
            CAPTURE(layer);
            const Document after = edited(
                doc, [layer](const Document& d) { return withoutLayer(d, layer); }, removedLayer(layer));
            CHECK(after.network.layers.size() == doc.network.layers.size() - 1);
        }
    }
}

TEST_CASE("shape: withNeuron in every layer, samples included") {
    for (const Document& doc : examples()) {
        CAPTURE(doc.title);
        for (std::size_t layer = 0; layer <= doc.network.depth(); ++layer) {
            CAPTURE(layer);
            const Document after = edited(
                doc, [layer](const Document& d) { return withNeuron(d, layer); }, same());
            std::vector<std::size_t> expected = sizes(doc);
            ++expected[layer];
            CHECK(sizes(after) == expected);
        }
    }
}

TEST_CASE("shape: withoutNeuron removes each neuron of each layer, samples included") {
    for (const Document& doc : examples()) {
        CAPTURE(doc.title);
        for (std::size_t layer = 0; layer <= doc.network.depth(); ++layer) {
            if (doc.network.layers[layer].size == 1) continue;  // refused: see below
            for (std::size_t neuron = 0; neuron < doc.network.layers[layer].size; ++neuron) {
                CAPTURE(layer);
                CAPTURE(neuron);
                const Document after = edited(
                    doc, [=](const Document& d) { return withoutNeuron(d, layer, neuron); },
                    removedNeuron(layer, neuron));
                std::vector<std::size_t> expected = sizes(doc);
                --expected[layer];
                CHECK(sizes(after) == expected);
            }
        }
    }
}

TEST_CASE("shape: withActivation changes one layer's activation and nothing else") {
    for (const Document& doc : examples()) {
        CAPTURE(doc.title);
        for (std::size_t layer = 1; layer <= doc.network.depth(); ++layer)
            for (Activation f : {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu}) {
                CAPTURE(layer);
                const Document after = edited(
                    doc, [=](const Document& d) { return withActivation(d, layer, f); }, same());
                for (std::size_t k = 1; k < after.network.layers.size(); ++k)
                    CHECK(after.network.layers[k].activation == (k == layer ? f : doc.network.layers[k].activation));
            }
    }
}

TEST_CASE("shape: withBias on gives zeros, off drops the values, unchanged keeps them") {
    for (const Document& doc : examples()) {
        CAPTURE(doc.title);
        for (std::size_t layer = 1; layer <= doc.network.depth(); ++layer)
            for (bool bias : {false, true}) {
                CAPTURE(layer);
                CAPTURE(bias);
                // checkBiases keeps a value only where the layer had a bias and still has one
                const Document after = edited(
                    doc, [=](const Document& d) { return withBias(d, layer, bias); }, same());
                CHECK(after.network.layers[layer].bias == bias);
            }
    }
}

TEST_CASE("shape: layer names move with their layers") {
    const Document doc = rich();  // names x, h, (none), y
    const Document inserted = withLayer(doc, 1, 2, Activation::Relu, false);
    CHECK(inserted.network.layers[0].name == "x");
    CHECK(inserted.network.layers[1].name == "");
    CHECK(inserted.network.layers[2].name == "h");
    CHECK(inserted.network.layers[4].name == "y");
    const Document removed = withoutLayer(doc, 1);
    CHECK(removed.network.layers[0].name == "x");
    CHECK(removed.network.layers[1].name == "");
    CHECK(removed.network.layers[2].name == "y");
    CHECK(neuronName(removed.network, 2, 0) == "y1");
}

TEST_CASE("shape: batchSize is clamped to the number of samples, the rest of the settings kept") {
    Document doc = rich();
    doc.batchSize = 50;  // valid: one batch of all 3 samples
    const Document after = withNeuron(doc, 1);
    CHECK(after.batchSize == 3);
    CHECK(after.title == "rich");
    CHECK(after.learningRate == 0.3);
    CHECK_FALSE(after.trainBiases);
    CHECK(after.extraFields == nlohmann::json{{"note", "kept"}});
}

TEST_CASE("shape: a hidden layer added to the seed then removed leaves its shape, the matrices it touched 0") {
    const Document seed = fixture("seed.json");
    // Inserted before the seed's hidden layer: removing it joins the input to that layer anew.
    const Document before = withoutLayer(withLayer(seed, 1, 3, Activation::Sigmoid, true), 1);
    CHECK(sizes(before) == sizes(seed));
    CHECK(before.network.weights[0] == std::vector<double>(4, 0.0));
    CHECK(before.network.weights[1] == seed.network.weights[1]);
    // Inserted after it: the hidden layer is joined to the output anew.
    const Document after = withoutLayer(withLayer(seed, 2, 3, Activation::Sigmoid, true), 2);
    CHECK(sizes(after) == sizes(seed));
    CHECK(after.network.weights[0] == seed.network.weights[0]);
    CHECK(after.network.weights[1] == std::vector<double>(2, 0.0));
    for (const Document* d : {&before, &after}) {
        CHECK(d->network.layers[1].activation == Activation::Linear);
        CHECK(d->samples[0].input == seed.samples[0].input);
        CHECK(d->samples[0].target == seed.samples[0].target);
    }
}

TEST_CASE("shape: a neuron added then removed in every layer of Mazur gives Mazur back") {
    const Document mazur = fixture("mazur.json");
    const std::string original = writeDocument(mazur);
    for (std::size_t layer = 0; layer <= mazur.network.depth(); ++layer) {
        CAPTURE(layer);
        const Document grown = withNeuron(mazur, layer);
        CHECK(writeDocument(withoutNeuron(grown, layer, grown.network.layers[layer].size - 1)) == original);
        // Removed first, then added back: the same shape, the removed neuron's parameters now 0.
        const Document regrown = withNeuron(withoutNeuron(mazur, layer, 1), layer);
        CHECK(sizes(regrown) == sizes(mazur));
        checkShapes(regrown);
    }
}

TEST_CASE("shape: a bias turned off then on again is zeros; trainBiases is kept") {
    const Document mazur = fixture("mazur.json");
    Document d = mazur;
    for (std::size_t layer = 1; layer <= 2; ++layer) d = withBias(d, layer, false);
    CHECK_FALSE(d.trainBiases);  // no layer has a bias, so the text has no trainBiases: kept all the same
    for (std::size_t layer = 1; layer <= 2; ++layer) d = withBias(d, layer, true);
    CHECK(d.network.biases == std::vector<std::vector<double>>{{0.0, 0.0}, {0.0, 0.0}});
    CHECK(d.network.weights == mazur.network.weights);
    CHECK_FALSE(d.trainBiases);
    CHECK(withBias(mazur, 1, true).network.biases == mazur.network.biases);  // already on: nothing changes
}

TEST_CASE("shape: layers out of range are refused with a message naming the argument") {
    const Document seed = fixture("seed.json");  // layers 0, 1, 2
    CHECK(refusal([&] { withoutLayer(seed, 0); }) == "layer: expected a hidden layer from 1 to 1, got 0");
    CHECK(refusal([&] { withoutLayer(seed, 2); }) == "layer: expected a hidden layer from 1 to 1, got 2");
    CHECK(refusal([&] { withoutLayer(withoutLayer(seed, 1), 1); }) ==
          "layer: the network has no hidden layer to remove (layer 0 is the input, 1 the output)");
    CHECK(refusal([&] { withLayer(seed, 0, 2, Activation::Linear, false); }) ==
          "at: expected a position from 1 to 2 (after the input layer, before the output layer), got 0");
    CHECK(refusal([&] { withLayer(seed, 3, 2, Activation::Linear, false); }) ==
          "at: expected a position from 1 to 2 (after the input layer, before the output layer), got 3");
    CHECK(refusal([&] { withNeuron(seed, 3); }) == "layer: expected a layer from 0 to 2, got 3");
    CHECK(refusal([&] { withoutNeuron(seed, 3, 0); }) == "layer: expected a layer from 0 to 2, got 3");
    CHECK(refusal([&] { withoutNeuron(seed, 1, 2); }) == "neuron: expected a neuron of layer 1 from 0 to 1, got 2");
    CHECK(refusal([&] { withActivation(seed, 0, Activation::Relu); }) ==
          "layer: expected a layer after the input from 1 to 2, got 0");
    CHECK(refusal([&] { withActivation(seed, 3, Activation::Relu); }) ==
          "layer: expected a layer after the input from 1 to 2, got 3");
    CHECK(refusal([&] { withBias(seed, 0, true); }) == "layer: expected a layer after the input from 1 to 2, got 0");
    CHECK(refusal([&] { withBias(seed, 3, true); }) == "layer: expected a layer after the input from 1 to 2, got 3");
}

TEST_CASE("shape: a layer keeps at least one neuron") {
    const Document seed = fixture("seed.json");  // one output neuron
    CHECK(refusal([&] { withoutNeuron(seed, 2, 0); }) ==
          "neuron: layer 2 has only 1 neuron, and a layer keeps at least 1");
    const Document narrow = withoutNeuron(seed, 0, 0);
    CHECK(refusal([&] { withoutNeuron(narrow, 0, 0); }) ==
          "neuron: layer 0 has only 1 neuron, and a layer keeps at least 1");
}

TEST_CASE("shape: at most 16 layers and 256 neurons per layer") {
    Document deep = fixture("seed.json");
    while (deep.network.layers.size() < limits::maxLayers) deep = withLayer(deep, 1, 1, Activation::Relu, false);
    CHECK(refusal([&] { withLayer(deep, 1, 1, Activation::Relu, false); }) ==
          "layers: a network has at most 16 layers (limits::maxLayers), this one has 16 already");
    const Document seed = fixture("seed.json");
    CHECK(refusal([&] { withLayer(seed, 1, 257, Activation::Relu, false); }) ==
          "size: a layer has at most 256 neurons (limits::maxNeuronsPerLayer), got 257");
    CHECK(refusal([&] { withLayer(seed, 1, 0, Activation::Relu, false); }) ==
          "size: expected at least 1 neuron, got 0");
    const Document wide = withLayer(seed, 1, 256, Activation::Relu, false);
    CHECK(refusal([&] { withNeuron(wide, 1); }) ==
          "layer: a layer has at most 256 neurons (limits::maxNeuronsPerLayer), layer 1 has 256 already");
}

TEST_CASE("shape: an edit whose result could not be written back within maxBytes is refused by the reader") {
    Document full;  // 256-256-256: valid, but a third matrix of 256 × 256 weights is beyond limits::maxBytes
    full.network.layers = {{256, Activation::Linear, false, ""},
                           {256, Activation::Linear, false, ""},
                           {256, Activation::Linear, false, ""}};
    shapeParameters(full.network);
    full.samples.push_back({std::vector<double>(256, 0.0), std::vector<double>(256, 0.0)});
    full.learningRate = 0.1;
    REQUIRE_NOTHROW(full = readDocument(writeDocument(full, 0)));
    const std::string message = refusal([&] { withLayer(full, 1, 256, Activation::Linear, false); });
    CHECK(message.rfind("document: too large to train and write back", 0) == 0);
    CHECK_THROWS_AS(withLayer(full, 2, 256, Activation::Linear, false), EngineError);
    CHECK_THROWS_AS(withNeuron(full, 0), EngineError);  // refused by its argument: the layer is full
}
