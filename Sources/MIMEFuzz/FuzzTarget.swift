public import MIMECodecs

/// One libFuzzer target: a name and a body that checks properties of the library on arbitrary
/// bytes and traps when one does not hold.
///
/// The bodies live in this plain library, not in the fuzzer executables, so that `swift test`
/// replays every seed and every past crash (`Fixtures/fuzz/<name>/`) without sanitizers, and the
/// executables stay one line long.
public struct FuzzTarget: Sendable {
    /// The target's name: the folder of its corpus and the suffix of its executable (`fuzz-NAME`).
    public let name: String
    private let body: @Sendable ([UInt8]) -> Void

    /// Creates a target from its name and body.
    public init(name: String, body: @escaping @Sendable ([UInt8]) -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the body on one input; traps with a message naming the broken property.
    public func run(_ input: [UInt8]) {
        body(input)
    }

    /// Runs the body on input held in raw memory, as libFuzzer hands it over.
    public func run(_ input: UnsafeRawBufferPointer) {
        body(Array(input))
    }

    /// Every target, in the order CI fuzzes them.
    public static let all: [FuzzTarget] = [.parse, .stream, .fields, .codecs, .serialize]

    /// The target called `name`, if there is one.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

/// Property checks shared by the fuzz bodies of this module and of other fuzz modules.
public enum FuzzCheck {
    /// Stops the process with `message` when a fuzzed property does not hold.
    ///
    /// `precondition` drops its message in optimized builds; the message is what tells the
    /// reader of a CI log which property broke, so this traps through `fatalError`, which keeps it.
    @inline(__always)
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        if !condition() { fatalError("fuzz property violated: " + message(), file: file, line: line) }
    }

    /// Diagnostics carry offsets into the input: each must lie inside it.
    public static func diagnostics(_ diagnostics: [Diagnostic], within count: Int, what: String) {
        for diagnostic in diagnostics {
            require(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= count,
                "\(what) diagnostic \(diagnostic.code) at \(diagnostic.range) outside 0..<\(count)")
        }
    }
}

/// ``FuzzCheck/require(_:_:file:line:)`` under a short name for this module's bodies.
@inline(__always)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    FuzzCheck.require(condition(), message(), file: file, line: line)
}
