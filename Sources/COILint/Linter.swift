public import MIMECore

/// Checks one message against the rules of RFC 5322, MIME and the COI client specification.
///
/// This is the library entry point of `coi-lint check`: give it the bytes of one message and it
/// returns every ``Finding``, with byte offsets into those bytes. Bad input never traps; memory
/// stays proportional to the message (the parser's limits in ``options`` bound the work).
///
/// ```swift
/// let findings = Linter().lint(bytes)
/// ```
public struct Linter: Sendable {
    /// Which rules apply.
    public var configuration: LintConfiguration
    /// The parser's limits.
    public var options: ParserOptions

    /// Creates a linter.
    public init(configuration: LintConfiguration = LintConfiguration(), options: ParserOptions = ParserOptions()) {
        self.configuration = configuration
        self.options = options
    }

    /// Every finding in the message `bytes`, sorted by offset.
    public func lint(_ bytes: [UInt8]) -> [Finding] {
        lintReport(bytes).findings
    }

    /// The findings in `bytes` and whether the message is a chat message.
    public func lintReport(_ bytes: [UInt8]) -> Result {
        var lines = LineScanner()
        lines.scan(bytes)
        let message = Message.parse(bytes, options: options)
        var findings = lines.finish()
        findings += messageFindings(message, isTopLevel: true)
        let isChat = Self.isChat(message)
        // The COI rules cost an HTML parse per HTML part: run them only when some may apply.
        let forcesCOI = configuration.enabled.contains { Rule.registry[$0]?.family == .coi }
        if forcesCOI || configuration.profile == .coi || (isChat && configuration.profile != .rfc) {
            findings += coiFindings(message)
        }
        return Result(findings: finish(findings, isChat: isChat), isChat: isChat)
    }

    /// What ``lintReport(_:)`` found in one message.
    public struct Result: Sendable {
        /// The findings of the rules that apply, sorted by offset.
        public var findings: [Finding]
        /// Whether the message was detected as a COI chat message.
        public var isChat: Bool
    }

    /// Keeps the findings of the rules that apply, each once, in message order.
    func finish(_ findings: [Finding], isChat: Bool) -> [Finding] {
        // Most messages have nothing, or one thing, to report.
        if findings.count <= 1 { return findings.filter { configuration.applies($0.rule, isChat: isChat) } }
        let applying = findings.enumerated().filter { configuration.applies($0.element.rule, isChat: isChat) }
            .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
        // Equal findings share their offset: sorted, they fall in one run, which is compared
        // pairwise when short (nearly always) and through a set otherwise.
        var kept: [Finding] = []
        kept.reserveCapacity(applying.count)
        var runStart = 0
        var runSet: Set<Finding>?
        for (_, finding) in applying {
            if let last = kept.last, last.offset != finding.offset {
                runStart = kept.count
                runSet = nil
            }
            let run = kept[runStart...]
            if run.count < 16 {
                if !run.contains(finding) { kept.append(finding) }
            } else {
                if runSet == nil { runSet = Set(run) }
                if runSet!.insert(finding).inserted { kept.append(finding) }
            }
        }
        return kept
    }

    /// The RFC findings of a message and of every message encapsulated in it.
    func messageFindings(_ message: Message, isTopLevel: Bool) -> [Finding] {
        var findings = message.diagnostics.compactMap(Self.finding)
        findings += partFindings(message.root, ancestorBoundaries: [], isGlobal: false, isMessageRoot: true)
        return findings
    }

    /// The finding for a library diagnostic, if a rule covers its code.
    static func finding(_ diagnostic: Diagnostic) -> Finding? {
        guard let id = Rule.diagnosticCodes[diagnostic.code.rawValue], let rule = Rule.registry[id] else { return nil }
        return Finding(rule, at: diagnostic.range, diagnostic.message)
    }
}
