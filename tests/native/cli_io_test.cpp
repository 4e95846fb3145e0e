// The command-line tool's input and output: output it cannot write is never reported as written (-o is atomic),
// input is read only up to the limit, unreadable paths and every message are one clean line.
#include "cli_support.hpp"

using namespace clisupport;

TEST_CASE("cli: standard output that cannot be written exits 1 with one line") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    const std::string prefix = "backstep: cannot write standard output: ";
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const Run full = shell(dir, backstepCommand(std::string(command) + " " + seed) + " > /dev/full");
        CHECK(full.code == 1);
        CHECK(full.err == prefix + std::strerror(ENOSPC) + "\n");
        const Run closed = shell(dir, backstepCommand(std::string(command) + " " + seed) + " >&-");
        CHECK(closed.code == 1);
        CHECK(closed.err == prefix + std::strerror(EBADF) + "\n");
    }
    const Run help = shell(dir, backstepCommand("--help") + " > /dev/full");
    CHECK(help.code == 1);
    CHECK(help.err == prefix + std::strerror(ENOSPC) + "\n");
}

TEST_CASE("cli: -o replaces the file with the whole output, even the input file") {
    TempDir dir;
    const std::string doc = dir.file("d.json", testsupport::fixture("seed.json"));
    REQUIRE(chmod(doc.c_str(), 0640) == 0);
    const Run expected = cli(dir, "train " + q(doc) + " --epochs 3");
    REQUIRE(expected.code == 0);
    const Run inPlace = cli(dir, "train " + q(doc) + " --epochs 3 -o " + q(doc));
    CHECK(inPlace.code == 0);
    CHECK(inPlace.out.empty());
    CHECK(inPlace.err.empty());
    CHECK(testsupport::readFile(doc) == expected.out);
    struct stat status {};
    REQUIRE(stat(doc.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0640);  // the replaced file's permissions are kept
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const std::string out = dir.path() + "/out-" + command + ".txt";
        const Run toFile = cli(dir, std::string(command) + " " + q(doc) + " --output " + q(out));
        CHECK(toFile.code == 0);
        CHECK(toFile.out.empty());
        CHECK(testsupport::readFile(out) == cli(dir, std::string(command) + " " + q(doc)).out);
        CHECK(temporaries(dir, "out-" + std::string(command) + ".txt") == 0);
    }
    CHECK(temporaries(dir, "d.json") == 0);
}

TEST_CASE("cli: -o that cannot be written exits 1 with one line and leaves no file") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    const std::string missing = dir.path() + "/no-such-dir/out.json";
    const Run r = cli(dir, "train " + seed + " -o " + q(missing));
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "backstep: cannot write " + missing + ": " + std::strerror(ENOENT) + "\n");
    CHECK(!std::filesystem::exists(dir.path() + "/no-such-dir"));

    REQUIRE(mkdir((dir.path() + "/sub").c_str(), 0700) == 0);  // renaming a file over a directory fails
    const Run onDirectory = cli(dir, "trace " + seed + " -o " + q(dir.path() + "/sub"));
    CHECK(onDirectory.code == 1);
    checkOneCleanLine(onDirectory.err);
    CHECK(onDirectory.err.rfind("backstep: cannot write " + dir.path() + "/sub: ", 0) == 0);
    CHECK(temporaries(dir, "sub") == 0);
    CHECK(std::filesystem::is_empty(dir.path() + "/sub"));
}

TEST_CASE("cli: a refused document or input leaves the -o file as it was") {
    TempDir dir;
    const std::string out = dir.file("out.json", "the previous contents\n");
    const std::string bad = dir.file("bad.json", "[]");
    std::string diverging = testsupport::fixture("seed.json");
    diverging.replace(diverging.find("0.05"), 4, "50");
    const std::string diverge = dir.file("diverge.json", diverging);
    const std::string runs[] = {"train " + q(bad),
                                "trace " + q(bad),
                                "explain " + q(bad),
                                "train " + q(diverge) + " --epochs 2000",
                                "train " + q(dir.path() + "/no-such-file.json"),
                                "train /dev/zero"};
    for (const std::string& args : runs) {
        CAPTURE(args);
        const Run r = cli(dir, args + " -o " + q(out));
        CHECK(r.code == 2);
        checkOneCleanLine(r.err);
        CHECK(testsupport::readFile(out) == "the previous contents\n");
        CHECK(temporaries(dir, "out.json") == 0);
    }
}

TEST_CASE("cli: input is read only up to the size limit") {
    TempDir dir;
    const std::size_t limit = backstep::limits::maxBytes;
    const std::string tooLarge =
        "backstep: document: too large: over the limit of " + std::to_string(limit) + " bytes\n";
    for (const char* command : {"train", "trace", "explain"}) {
        CAPTURE(command);
        const Run zero = shell(dir, backstepCommand(std::string(command) + " /dev/zero") + toStdout(dir), 10);
        CHECK(zero.code == 2);
        CHECK(zero.out.empty());
        CHECK(zero.err == tooLarge);
    }
    const Run piped = shell(dir, "head -c 6291456 /dev/zero | " + backstepCommand("trace -") + toStdout(dir), 10);
    CHECK(piped.code == 2);
    CHECK(piped.err == tooLarge);

    const std::string seed = testsupport::fixture("seed.json");
    const std::string six = dir.file("six.json", seed + std::string(6 * 1024 * 1024 - seed.size(), ' '));
    CHECK(cli(dir, "train " + q(six)).err == tooLarge);
    CHECK(cli(dir, "train -", six).err == tooLarge);
    const std::string over = dir.file("over.json", seed + std::string(limit + 1 - seed.size(), ' '));
    CHECK(cli(dir, "trace " + q(over)).err == tooLarge);

    const std::string exact = dir.file("exact.json", seed + std::string(limit - seed.size(), ' '));
    REQUIRE(testsupport::readFile(exact).size() == limit);
    for (const Run& r : {cli(dir, "trace " + q(exact)), cli(dir, "trace -", exact)}) {
        CHECK(r.err.find("too large") == std::string::npos);
        CHECK(r.code == 0);
    }
}

TEST_CASE("cli: a path that cannot be read exits 2 with one line naming the reason") {
    TempDir dir;
    REQUIRE(symlink("a", (dir.path() + "/b").c_str()) == 0);
    REQUIRE(symlink("b", (dir.path() + "/a").c_str()) == 0);
    struct Case {
        std::string path;
        int error;
    };
    const Case cases[] = {{dir.path() + "/no-such-file.json", ENOENT},
                          {dir.path(), EISDIR},
                          {dir.path() + "/" + std::string(5000, 'a'), ENAMETOOLONG},
                          {dir.path() + "/a", ELOOP}};
    for (const Case& c : cases) {
        CAPTURE(c.error);
        for (const char* command : {"train", "trace", "explain"}) {
            CAPTURE(command);
            const Run r = cli(dir, std::string(command) + " " + q(c.path));
            CHECK(r.code == 2);
            CHECK(r.out.empty());
            checkOneCleanLine(r.err, 200);
            const std::string reason = std::string(": ") + std::strerror(c.error) + "\n";
            if (c.path.size() <= 60)
                CHECK(r.err == "backstep: cannot read " + c.path + reason);
            else
                CHECK(r.err == "backstep: cannot read " + c.path.substr(0, 60) + "…" + reason);
        }
    }
}

TEST_CASE("cli: every message is one short line of valid UTF-8") {
    TempDir dir;
    const std::string seed = q(std::string(BACKSTEP_FIXTURES) + "/seed.json");
    std::string invalid;  // printf 'x\xff\xfe%.0s' {1..2000}: 6,000 bytes, not UTF-8
    for (int k = 0; k < 2000; ++k) invalid += "x\xff\xfe";
    const Run path = cli(dir, "train " + q(invalid));
    CHECK(path.code == 2);
    checkOneCleanLine(path.err);
    CHECK(path.err.rfind("backstep: cannot read x\\xFF\\xFEx\\xFF\\xFE", 0) == 0);

    const Run command = cli(dir, q("fly\n\x1b[2J\r\xc3\xa9" + std::string(1000, 'z')) + " " + seed);
    CHECK(command.code == 2);
    checkOneCleanLine(command.err);
    CHECK(command.err.rfind("backstep: unknown command \"fly\\u000A\\u001B[2J\\u000Dé", 0) == 0);

    const std::string args[] = {"train " + seed + " " + q(std::string(10000, 'y') + "\xc3"),
                                "train " + seed + " --epochs " + q(std::string(5000, '9') + "\x01"),
                                "explain " + seed + " --format " + q(std::string(5000, 'p') + "\n\xff"),
                                "train " + seed + " -o " + q(dir.path() + "/" + invalid)};
    for (const std::string& a : args) {
        CAPTURE(a.substr(0, 100));
        const Run r = cli(dir, a);
        CHECK(r.code != 0);
        checkOneCleanLine(r.err);
    }
    std::string format = testsupport::fixture("seed.json");  // the engine's message quotes the document
    format.replace(format.find("backstep/1"), 10, "\x07" + invalid);
    const Run document = cli(dir, "trace " + q(dir.file("format.json", format)));
    CHECK(document.code == 2);
    checkOneCleanLine(document.err);
}

TEST_CASE("cli: -o needs a file name") {
    TempDir dir;
    const Run r = cli(dir, "train " + q(testsupport::fixtureDir() + "/seed.json") + " -o ''");
    CHECK(r.code == 2);
    CHECK(r.err.find("-o: expected a file name") != std::string::npos);
}

TEST_CASE("cli: -o follows a symbolic link and writes a device in place") {
    TempDir dir;
    const std::string doc = dir.file("real.json", testsupport::fixture("seed.json"));
    const std::string link = dir.path() + "/link.json";
    REQUIRE(symlink("real.json", link.c_str()) == 0);
    const Run trained = cli(dir, "train " + q(doc) + " -o " + q(link));
    CHECK(trained.code == 0);
    struct stat info;
    REQUIRE(lstat(link.c_str(), &info) == 0);
    CHECK(S_ISLNK(info.st_mode));  // the link stays a link
    CHECK_REL(json::parse(testsupport::readFile(doc))["weights"][1][0][0].get<double>(), 0.1743825, 1e-12);  // replaced
    const Run toNull = cli(dir, "trace " + q(doc) + " -o /dev/null");
    CHECK(toNull.code == 0);
    REQUIRE(stat("/dev/null", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));  // written, not replaced by a file
}
