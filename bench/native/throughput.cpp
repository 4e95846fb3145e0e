// Native training throughput through the engine's Session API (the bench's implementation (c)).
// Usage: throughput DOC.json TARGET_SECONDS MAX_EPOCHS WARM_SECONDS
// First prints {"epochs":E,"weights":[[…]],"biases":[[…]]}: the parameters after one epoch from the document's
// start, flat per layer (weights[l][j * in + i]), and E, the epochs of a timed run (enough for TARGET_SECONDS from
// the time of one epoch after WARM_SECONDS of single epochs, at most MAX_EPOCHS; a warm-up run of E epochs follows).
// Then, for each line read from standard input, reloads the document and prints {"seconds":s}, the time of E epochs of
// Session::train.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "session.hpp"

namespace {

double secondsOf(backstep::Session& session, backstep::Count epochs) {
    const auto start = std::chrono::steady_clock::now();
    session.train(epochs);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The parameters of a document's JSON, weights flattened to [l][j * in + i].
nlohmann::json flatParameters(const std::string& documentJson) {
    const nlohmann::json doc = nlohmann::json::parse(documentJson);
    nlohmann::json weights = nlohmann::json::array();
    for (const auto& layer : doc["weights"]) {
        nlohmann::json flat = nlohmann::json::array();
        for (const auto& row : layer)
            for (const auto& w : row) flat.push_back(w);
        weights.push_back(flat);
    }
    return {{"weights", weights}, {"biases", doc["biases"]}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: throughput DOC.json TARGET_SECONDS MAX_EPOCHS WARM_SECONDS\n";
        return 2;
    }
    std::ifstream file(argv[1]);
    std::stringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();
    const double target = std::stod(argv[2]);
    const double maxEpochs = std::stod(argv[3]);
    const double warmSeconds = std::stod(argv[4]);
    try {
        backstep::Session session(text);
        session.train(1);
        nlohmann::json first = flatParameters(session.document(0));
        // Single epochs, at least two, for warmSeconds; the last one sets the length of a run.
        double secondsPerEpoch = 0.0;
        const auto warmUntil = std::chrono::steady_clock::now() + std::chrono::duration<double>(warmSeconds);
        for (int k = 0; k < 2 || std::chrono::steady_clock::now() < warmUntil; ++k) {
            session.load(text);
            secondsPerEpoch = secondsOf(session, 1);
        }
        const auto epochs =
            static_cast<backstep::Count>(std::max(1.0, std::min(maxEpochs, std::ceil(target / secondsPerEpoch))));
        session.load(text);
        session.train(epochs);
        first["epochs"] = epochs;
        std::cout << first.dump() << std::endl;
        for (std::string line; std::getline(std::cin, line);) {
            session.load(text);
            std::cout << nlohmann::json{{"seconds", secondsOf(session, epochs)}}.dump() << std::endl;
        }
    } catch (const std::exception& e) {
        std::cerr << "throughput: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
