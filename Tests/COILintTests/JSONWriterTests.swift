import COILint
import Foundation
import Testing

@Suite struct JSONWriterTests {
    @Test func layoutIsTwoSpaceIndentedWithStableOrder() {
        let value = JSONValue.object([
            .init("zeta", .int(1)),
            .init("alpha", .array([.string("x"), .null, .bool(true)])),
            .init("empty", .object([])),
            .init("none", .array([])),
            .init("nested", .object([.init("n", .int(-42))])),
        ])
        #expect(JSONWriter().string(for: value) == """
            {
              "zeta": 1,
              "alpha": [
                "x",
                null,
                true
              ],
              "empty": {},
              "none": [],
              "nested": {
                "n": -42
              }
            }

            """)
    }

    /// RFC 8259 section 7: quotation mark, reverse solidus and U+0000-U+001F must be escaped.
    @Test func escapesWhatRFC8259Requires() {
        var out = ""
        JSONWriter.appendQuoted("a\"b\\c/\u{08}\u{0C}\n\r\t\u{00}\u{1B}\u{1F}\u{7F}é🎉", to: &out)
        #expect(out == "\"a\\\"b\\\\c/\\b\\f\\n\\r\\t\\u0000\\u001b\\u001f\u{7F}é🎉\"")
    }

    /// Every string, whatever it holds, must come back unchanged through a conforming parser.
    @Test func roundTripsThroughJSONSerialization() throws {
        var scalars = (0..<0x80).compactMap(Unicode.Scalar.init).map(String.init).joined()
        scalars += "\u{2028}\u{2029}\u{FFFD}日本語𝄞"
        let text = JSONWriter().string(for: .array([.string(scalars), .int(Int.min), .int(Int.max)]))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any]
        #expect(parsed?.first as? String == scalars)
        #expect((parsed?[1] as? NSNumber)?.int64Value == Int64.min)
        #expect((parsed?[2] as? NSNumber)?.int64Value == Int64.max)
    }
}
