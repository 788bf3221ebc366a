import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Parsing and running by hand instead of `COILintCommand.main()`, so that every failure exits
// with status 2 as documented (ArgumentParser's own default for usage errors is 64).
do {
    var command = try COILintCommand.parseAsRoot()
    try command.run()
} catch let exitCode as ExitCode {
    // `check` reports findings through its exit status; the report is already printed.
    exit(exitCode.rawValue)
} catch {
    let status = COILintCommand.exitCode(for: error)
    let message = COILintCommand.fullMessage(for: error)
    if status == .success {
        // --help, or no subcommand at all: help is the requested output.
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { StandardError.write(message + "\n") }
    exit(COILintCommand.failureStatus)
}
