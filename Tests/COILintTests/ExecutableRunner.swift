import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `coi-lint` executable and captures what it prints.
///
/// The child is spawned with POSIX and its output goes to temporary files rather than pipes, so
/// that a large output (the deep-nesting fixture prints 300 KB) can never block the child while
/// the test waits for it, and its environment is fixed, so that nothing from the caller's shell
/// (locale, terminal width) changes what it prints.
enum ExecutableRunner {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// `swift build` puts all products of a package in one directory, the test binary included;
    /// the test target depends on `coi-lint`, so it is built before the tests run. When the tests
    /// run from elsewhere (an IDE's runner), the package's `.build*` scratch directories are
    /// searched instead.
    static let executablePath: String? = {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first, let resolved = realpath(first, nil) {
            defer { free(resolved) }
            let testBinary = String(cString: resolved)
            candidates.append(directory(of: testBinary) + "/coi-lint")
            // Darwin: the test bundle is a directory `X.xctest/Contents/MacOS/X` in the products.
            if let bundle = testBinary.firstRange(of: ".xctest/") {
                candidates.append(directory(of: String(testBinary[..<bundle.lowerBound])) + "/coi-lint")
            }
        }
        let root = Fixtures.packageRoot.path
        let scratch = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in scratch.sorted() where name.hasPrefix(".build") {
            candidates.append("\(root)/\(name)/debug/coi-lint")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `coi-lint` with `arguments`, in `directory` (the test's own when `nil`), with the
    /// file at `input` (or nothing) as standard input.
    static func run(_ arguments: [String], in directory: String? = nil, input: String? = nil) throws -> Run {
        guard let executable = executablePath else {
            throw SpawnError(description: "coi-lint was not found next to the test binary")
        }
        let outputPath = try temporaryFile()
        let errorPath = try temporaryFile()
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        if let directory {
            // glibc 2.29 and macOS 10.15 both have the chdir action, but Glibc's Swift overlay
            // does not declare it: look it up at run time.
            #if canImport(Darwin)
            let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
            #else
            let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
            #endif
            guard let symbol = dlsym(everywhere, "posix_spawn_file_actions_addchdir_np") else {
                throw SpawnError(description: "posix_spawn_file_actions_addchdir_np is not available")
            }
            typealias AddChdir = @convention(c) (UnsafeMutableRawPointer, UnsafePointer<CChar>) -> Int32
            let addChdir = unsafeBitCast(symbol, to: AddChdir.self)
            _ = withUnsafeMutablePointer(to: &actions) { addChdir(UnsafeMutableRawPointer($0), directory) }
        }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_TRUNC, 0o600)

        // A fixed environment: the output must not depend on the caller's locale or terminal.
        let argv = cStrings([executable] + arguments)
        let environment = cStrings(["PATH=/usr/bin:/bin", "LC_ALL=C"])
        defer {
            argv.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        guard spawned == 0 else {
            throw SpawnError(description: "posix_spawn failed: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw SpawnError(description: "waitpid failed") }
        }
        // WIFEXITED / WEXITSTATUS, which are macros C does not export to Swift.
        guard status & 0x7F == 0 else {
            throw SpawnError(description: "coi-lint was killed by signal \(status & 0x7F)")
        }
        return Run(status: (status >> 8) & 0xFF,
                   standardOutput: try contents(of: outputPath),
                   standardError: try contents(of: errorPath))
    }

    /// A NULL-terminated array of C strings that the caller must free.
    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        var result: [UnsafeMutablePointer<CChar>?] = []
        for string in strings {
            result.append(string.withCString { strdup($0) })
        }
        result.append(nil)
        return result
    }

    private static func temporaryFile() throws -> String {
        var template = Array("/tmp/coi-lint-test-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw SpawnError(description: "mkstemp failed") }
        close(descriptor)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func contents(of path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
