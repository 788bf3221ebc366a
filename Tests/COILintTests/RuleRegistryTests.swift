import COILint
import Foundation
import Testing

@Suite struct RuleRegistryTests {
    @Test func identifiersAreUniqueAndNamedByFamily() {
        #expect(Set(Rule.all.map(\.id)).count == Rule.all.count)
        for rule in Rule.all {
            let prefix = rule.family == .coi ? "COI-" : "MIME-"
            #expect(rule.id.rawValue.hasPrefix(prefix), "\(rule.id)")
            #expect(rule.id.rawValue == rule.id.rawValue.uppercased())
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty && !rule.section.isEmpty)
            #expect(rule.documentURL.hasPrefix("https://"))
        }
    }

    @Test func lookupIgnoresCase() {
        #expect(Rule.named("mime-date-missing")?.id == Rule.dateMissing.id)
        #expect(Rule.named("MIME-NO-SUCH-RULE") == nil)
    }

    /// Every diagnostic code the MIME library declares is covered by a rule, or replaced by a
    /// lint-level check: a new library code cannot go unreported.
    @Test func everyLibraryDiagnosticCodeIsMapped() throws {
        let sources = Fixtures.packageRoot.appendingPathComponent("Sources")
        var codes = Set<String>()
        for module in ["MIMECodecs", "MIMECore"] {
            let folder = sources.appendingPathComponent(module)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                var rest = text[...]
                while let range = rest.range(of: "Diagnostic.Code(\"") {
                    let tail = rest[range.upperBound...]
                    if let end = tail.firstIndex(of: "\"") { codes.insert(String(tail[..<end])) }
                    rest = tail
                }
            }
        }
        #expect(codes.count > 100)
        for code in codes.sorted() {
            #expect(Rule.diagnosticCodes[code] != nil || Rule.supersededDiagnosticCodes.contains(code),
                    "library code \(code) has no rule")
        }
        for id in Set(Rule.diagnosticCodes.values) { #expect(Rule.registry[id] != nil) }
    }

    /// The README's rule table is the registry's.
    @Test func readmeListsEveryRule() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(RuleCatalog.markdownTable),
                "README.md's rule table differs from RuleCatalog.markdownTable; paste `swift run coi-lint rules --markdown`")
    }

    @Test func explanationShowsBothExamples() {
        let text = RuleCatalog.explanation(of: .bareCR)
        #expect(text.hasPrefix("MIME-BARE-CR (error, rfc rule)\nRFC 5322 section 2.3: "))
        #expect(text.contains("Fails:\n\n    From: Anna <anna@example.org>\n"))
        #expect(text.contains("    First line\\rsecond line\n"))
        #expect(text.contains("Passes:\n\n"))
    }
}
