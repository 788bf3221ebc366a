import Testing
import MIMECore

private func parse(_ text: String) -> (MIMEVersion?, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let version = MIMEVersion.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
    return (version, diagnostics)
}

@Suite("MIME-Version")
struct MIMEVersionTests {
    @Test("RFC 2045 section 4 forms, comments anywhere", arguments: [
        "1.0",
        " 1.0 ",
        "1.0 (produced by MetaSend Vx.x)",
        "(produced by MetaSend Vx.x) 1.0",
        "1.(produced by MetaSend Vx.x)0",
        "1 . 0",
        "\r\n 1.0",
        "1.(a (nested) comment)0",
    ])
    func version10(_ text: String) {
        let (version, diagnostics) = parse(text)
        #expect(version == .v1_0)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("Other versions are kept with a warning", arguments: [
        ("2.0", MIMEVersion(major: 2, minor: 0)),
        ("1.1", MIMEVersion(major: 1, minor: 1)),
        ("01.00", MIMEVersion(major: 1, minor: 0)),
        ("0.9", MIMEVersion(major: 0, minor: 9)),
    ])
    func otherVersions(_ text: String, _ expected: MIMEVersion) {
        let (version, diagnostics) = parse(text)
        #expect(version == expected)
        if expected == .v1_0 {
            #expect(diagnostics.isEmpty)
        } else {
            #expect(diagnostics.map(\.code) == [.mimeVersionUnsupported])
            #expect(diagnostics.first?.severity == .warning)
        }
    }

    @Test("Garbage is rejected with an error", arguments: [
        "", "   ", "(only a comment)", "1", "1.", ".0", "one.zero", "1,0", "1.0.0", "9999999999.0", "1.x",
    ])
    func garbage(_ text: String) {
        let (version, diagnostics) = parse(text)
        if text == "1.0.0" {
            #expect(version == .v1_0)
            #expect(diagnostics.map(\.code) == [.mimeVersionTrailingGarbage])
        } else {
            #expect(version == nil)
            #expect(diagnostics.contains { $0.severity == .error })
        }
    }

    @Test("Trailing text is reported at its offset")
    func trailing() {
        let message = Array("MIME-Version: 1.0 garbage".utf8)
        var diagnostics: [Diagnostic] = []
        let version = MIMEVersion.parse(message[13...], diagnostics: &diagnostics)
        #expect(version == .v1_0)
        #expect(diagnostics.first?.range == 18..<25)
    }

    @Test("Value semantics")
    func values() {
        #expect(MIMEVersion("1.0") == .v1_0)
        #expect(MIMEVersion("x") == nil)
        #expect(MIMEVersion.v1_0.description == "1.0")
        #expect(MIMEVersion(major: 1, minor: 0) < MIMEVersion(major: 1, minor: 1))
        #expect(MIMEVersion(major: 1, minor: 9) < MIMEVersion(major: 2, minor: 0))
    }

    @Test("A megabyte of comment parentheses is fast")
    func pathological() {
        let text = String(repeating: "(", count: 1 << 20)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure {
            _ = MIMEVersion.parse(ArraySlice(Array(text.utf8)), diagnostics: &diagnostics)
        }
        #expect(elapsed < .seconds(60))
        #expect(diagnostics.count <= 17)
    }
}
