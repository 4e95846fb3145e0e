// The command-line tool's input and output: a document read with a bound, and output that is
// written in full or reported as not written.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>

namespace backstep::cli {

// A file or stream that could not be read or written: `name` is its path, or "standard input" or
// "standard output", and what() the reason, the system's text for the error (e.g. "Is a directory").
struct FileError : std::runtime_error {
    FileError(const std::string& name, int error);
    std::string name;
};
struct ReadError : FileError {
    using FileError::FileError;
};
struct WriteError : FileError {
    using FileError::FileError;
};

// The first `limit` + 1 bytes at most of the file at `path`, or of standard input if `path` is "-".
// More than `limit` bytes means the input is too large; the rest is never read. Throws ReadError.
std::string readAtMost(const std::string& path, std::size_t limit);

// Writes `text` to standard output and closes it. Throws WriteError (a full disk, a closed stream…).
void writeStandardOutput(const std::string& text);

// Replaces the file at `path` by one holding `text`: a temporary file next to it is written, synced
// and renamed over it, so `path` is either untouched or complete. Throws WriteError, leaving no
// temporary file behind. A symbolic link is followed (the link stays); a device or pipe is written
// in place, since it cannot be replaced; a directory is refused.
void writeFileAtomically(const std::string& path, const std::string& text);

}  // namespace backstep::cli
