// The command-line tool's input and output, with POSIX calls that report errors through errno.
#include "io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace backstep::cli {

FileError::FileError(const std::string& name, int error) : std::runtime_error(std::strerror(error)), name(name) {}

namespace {

// Reads `fd` to its end or until more than `limit` bytes have come.
std::string readUpTo(int fd, std::size_t limit, const std::string& name) {
    std::string text;
    char chunk[65536];
    while (text.size() <= limit) {
        const ssize_t n = ::read(fd, chunk, std::min(sizeof chunk, limit + 1 - text.size()));
        if (n == 0) break;
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw ReadError(name, errno);
        text.append(chunk, static_cast<std::size_t>(n));
    }
    return text;
}

// Writes all of `text` to `fd`; 0, or the errno of the failure.
int writeAll(int fd, const std::string& text) {
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return EIO;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// The permissions a new file at `path` gets: those of the file it replaces, else 0666 less the umask.
mode_t modeFor(const std::string& path) {
    struct stat existing;
    if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) return existing.st_mode & 07777;
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

// Writes `text` to the new file `fd`, makes it durable and closes it; 0, or the errno of the first failure.
int fillAndClose(int fd, const std::string& text, mode_t mode) {
    (void)::fchmod(fd, mode);  // best effort: some filesystems have no permissions to set
    int error = writeAll(fd, text);
    if (error == 0 && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    return error;
}

// Writes `text` into the existing file at `path` (not a regular file), then closes it.
void writeInPlace(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) throw WriteError(path, errno);
    int error = writeAll(fd, text);
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error != 0) throw WriteError(path, error);
}

}  // namespace

std::string readAtMost(const std::string& path, std::size_t limit) {
    if (path == "-") return readUpTo(STDIN_FILENO, limit, "standard input");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw ReadError(path, errno);
    try {
        std::string text = readUpTo(fd, limit, path);
        ::close(fd);
        return text;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

void writeStandardOutput(const std::string& text) {
    int error = writeAll(STDOUT_FILENO, text);
    if (::close(STDOUT_FILENO) != 0 && error == 0) error = errno;
    if (error != 0) throw WriteError("standard output", error);
}

void writeFileAtomically(const std::string& path, const std::string& text) {
    // A symbolic link is followed: the file it names is replaced and the link stays.
    char resolved[PATH_MAX];
    const std::string target = ::realpath(path.c_str(), resolved) ? std::string(resolved) : path;
    struct stat existing;
    if (::stat(target.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
        if (S_ISDIR(existing.st_mode)) throw WriteError(path, EISDIR);
        writeInPlace(path, text);  // a device or a pipe (/dev/null, /dev/stdout) cannot be replaced, only written
        return;
    }
    const mode_t mode = modeFor(target);
    std::string temporary = target + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) throw WriteError(path, errno);
    int error = fillAndClose(fd, text, mode);
    if (error == 0 && std::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        throw WriteError(path, error);
    }
}

}  // namespace backstep::cli
