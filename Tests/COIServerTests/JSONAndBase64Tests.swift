@testable import COIServer
import Foundation
import Testing

@Suite struct JSONReaderTests {
    static let limits = JSONParser.Limits(maxBytes: 4096, maxDepth: 8, maxStringBytes: 1024)

    @Test(arguments: [
        (#"{"a":[1,-2.5e+3,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]}"#, true),
        (" \t\r\n{} ", true),
        ("[]", true),
        (#""just a string""#, true),
        ("01", false), ("1.", false), ("-", false), ("1e", false), ("+1", false),
        ("{\"a\" 1}", false), ("{\"a\":1,}", false), ("[1,]", false), ("{'a':1}", false),
        (#""\x""#, false), (#""\u12""#, false), (#""\udc00""#, false), (#""\ud800\u0041""#, false),
        ("tru", false), ("nul", false), ("{", false), ("[", false), ("\"", false),
    ])
    func grammar(text: String, valid: Bool) throws {
        let result = Result { () throws(JSONParser.Failure) in try JSONParser.parse(Array(text.utf8), limits: JSONReaderTests.limits) }
        switch result {
        case let .success(value):
            #expect(valid)
            // Foundation agrees on the values it can read.
            if valid, case .object = value {
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
            }
        case .failure:
            #expect(!valid)
        }
    }

    @Test func escapesDecode() throws {
        let value = try JSONParser.parse(Array(#"["\u00e9\ud83d\ude00\n"]"#.utf8), limits: JSONReaderTests.limits)
        #expect(value == .array([.string("é😀\n")]))
    }

    @Test func failuresCarryOffsets() {
        do {
            _ = try JSONParser.parse(Array(#"{"a": x}"#.utf8), limits: JSONReaderTests.limits)
            Issue.record("accepted")
        } catch {
            #expect(error.offset == 6)
            #expect(error.reason == .unexpectedByte(UInt8(ascii: "x")))
        }
        do {
            _ = try JSONParser.parse(Array(#"{"a":1,"a":2}"#.utf8), limits: JSONReaderTests.limits)
            Issue.record("accepted")
        } catch {
            #expect(error.offset == 7)
            #expect(error.reason == .duplicateMember("a"))
        }
    }

    @Test func stringCeiling() {
        let text = "[\"" + String(repeating: "a", count: 1025) + "\"]"
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8), limits: JSONReaderTests.limits) }
    }
}

@Suite struct JSONWriterTests {
    @Test func escapingReadsBackThroughFoundation() throws {
        let samples = ["plain", "quote\" backslash\\ slash/", "\u{0}\u{1}\u{1F}\u{7F}", "line\u{2028}sep\u{2029}", "é😀\r\n\t"]
        for sample in samples {
            var writer = JSONWriter()
            writer.string("v", sample)
            let object = try JSONSerialization.jsonObject(with: Data(writer.finished())) as? [String: String]
            #expect(object == ["v": sample])
        }
    }

    @Test func cutsNeverSplitAnEscapeOrAScalar() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "\"", "\\", "\u{1}", "é", "😀", "\u{2028}", "\n"]
        for _ in 0..<500 {
            let text = (0..<Int(generator.next() % 80)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let limit = Int(generator.next() % 40)
            let (bytes, truncated) = JSONWriter.escaped(text, limit: limit)
            let full = JSONWriter.escaped(text).bytes
            #expect(truncated == (full.count > limit))
            let kept = truncated ? Array(bytes.dropLast(3)) : bytes
            #expect(kept.count <= limit || !truncated)
            #expect(full.starts(with: kept))
            // Quoted, the kept text is a JSON string whose value is a prefix of the original.
            let value = try JSONSerialization.jsonObject(with: Data([0x22] + bytes + [0x22]), options: .fragmentsAllowed) as? String
            let unwrapped = truncated ? String(try #require(value).dropLast()) : value
            #expect(text.hasPrefix(try #require(unwrapped)))
            if truncated { #expect(value?.hasSuffix("\u{2026}") == true) }
        }
    }
}

@Suite struct Base64URLTests {
    @Test(arguments: [
        ([UInt8](), ""), ([0xFB], "-w"), ([0xFB, 0xFF], "-_8"), ([0xFB, 0xFF, 0xBF], "-_-_"), (Array("hello".utf8), "aGVsbG8"),
    ])
    func roundTrip(bytes: [UInt8], text: String) throws {
        #expect(Base64URL.encode(bytes) == text)
        #expect(try Base64URL.decode(text) == bytes)
    }

    @Test func standardAlphabetWithPaddingIsAccepted() throws {
        #expect(try Base64URL.decode("+/8=") == [0xFB, 0xFF])
        #expect(try Base64URL.decode("tBHItJI5svbpez7KI4CCXg==").count == 16)
    }

    @Test(arguments: ["a", "ab=", "a===", "-/8", "ab c", "ab\n", "aGVsbG9=", "-x", "é"])
    func malformedIsRefused(text: String) {
        #expect(throws: Base64URL.DecodingError.self) { try Base64URL.decode(text) }
    }
}
