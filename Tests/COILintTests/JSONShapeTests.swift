import COILint
import Foundation
import Testing

/// The `inspect --json` output is valid JSON (checked with Foundation's `JSONSerialization`, a
/// parser independent of the writer) and has exactly the documented members, in the documented
/// order.
@Suite struct JSONShapeTests {
    static let messageKeys = ["bytes", "headers", "subject", "from", "to", "cc", "date", "messageId",
                              "inReplyTo", "references", "root", "diagnostics"]
    static let partKeys = ["contentType", "parameters", "disposition", "filename", "transferEncoding",
                           "headerOffset", "bodyOffset", "endOffset"]
    static let headerKeys = ["name", "value", "offset"]
    static let addressKeys = ["name", "address"]
    static let diagnosticKeys = ["code", "severity", "offset", "message"]
    /// Issue 5's `"coi"` member, only on the top-level message.
    static let coiKeys = ["isChat", "detectedBy", "event", "groupId", "chatContent", "refersTo"]

    @Test(arguments: Fixtures.messageNames)
    func outputIsValidJSONWithDocumentedKeys(_ name: String) throws {
        let report = MessageReport.inspect(try Fixtures.messageBytes(name))
        let parsed = try JSONSerialization.jsonObject(with: Data(report.jsonText.utf8))
        let object = try #require(parsed as? [String: Any], "\(name): top level is not an object")
        checkMessage(object, path: name, isTopLevel: true)
        checkOrder(report.json, isMessage: true, isTopLevel: true, path: name)
    }

    /// A hand-written document in the documented shape, as a reader of the format would expect
    /// it, parses to the same value as the writer's output for the same report.
    @Test func smallReportHasTheDocumentedShape() throws {
        let report = MessageReport.inspect(Array("Subject: Hi\r\nFrom: A <a@example.com>\r\n\r\nx".utf8))
        let expected = """
            {
              "bytes": 41,
              "headers": [
                {
                  "name": "Subject",
                  "value": "Hi",
                  "offset": 0
                },
                {
                  "name": "From",
                  "value": "A <a@example.com>",
                  "offset": 13
                }
              ],
              "subject": "Hi",
              "from": [
                {
                  "name": "A",
                  "address": "a@example.com"
                }
              ],
              "to": [],
              "cc": [],
              "date": null,
              "messageId": null,
              "inReplyTo": [],
              "references": [],
              "root": {
                "contentType": "text/plain",
                "parameters": {
                  "charset": "us-ascii"
                },
                "disposition": null,
                "filename": null,
                "transferEncoding": null,
                "headerOffset": 0,
                "bodyOffset": 40,
                "endOffset": 41,
                "decodedSize": 1,
                "sha256": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
                "text": "x"
              },
              "diagnostics": [],
              "coi": {
                "isChat": false,
                "detectedBy": [],
                "event": "plainEmail",
                "groupId": null,
                "chatContent": null,
                "refersTo": null
              }
            }

            """
        #expect(report.jsonText == expected)
    }

    /// The value of a JSON integer. `JSONSerialization` gives numbers and booleans alike as
    /// `NSNumber`, which casts to both `Int` and `Bool`; the encoding tells them apart.
    static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber else { return nil }
        let type = String(cString: number.objCType)
        guard ["i", "l", "q", "s"].contains(type) else { return nil }
        return number.intValue
    }

    private static func isStringOrNull(_ value: Any?) -> Bool { value is String || value is NSNull }

    private func keys(_ object: [String: Any]) -> Set<String> { Set(object.keys) }

    private func checkMessage(_ object: [String: Any], path: String, isTopLevel: Bool = false) {
        let expectedKeys = Self.messageKeys + (isTopLevel ? ["coi"] : [])
        #expect(keys(object) == Set(expectedKeys), "\(path): message keys \(object.keys.sorted())")
        if isTopLevel {
            let coi = object["coi"] as? [String: Any] ?? [:]
            #expect(keys(coi) == Set(Self.coiKeys), "\(path).coi")
            #expect((coi["isChat"] as? NSNumber).map { String(cString: $0.objCType) } == "c", "\(path).coi.isChat")
            #expect((coi["detectedBy"] as? [Any])?.allSatisfy { $0 is String } == true, "\(path).coi.detectedBy")
            #expect(coi["event"] is String, "\(path).coi.event")
            for key in ["groupId", "chatContent", "refersTo"] {
                #expect(Self.isStringOrNull(coi[key]), "\(path).coi.\(key)")
            }
        }
        #expect(Self.integer(object["bytes"]) != nil, "\(path).bytes")
        for header in object["headers"] as? [Any] ?? [] {
            let header = header as? [String: Any] ?? [:]
            #expect(keys(header) == Set(Self.headerKeys), "\(path).headers")
            #expect(header["name"] is String && header["value"] is String, "\(path).headers")
            #expect(Self.integer(header["offset"]) != nil, "\(path).headers.offset")
        }
        #expect(Self.isStringOrNull(object["subject"]), "\(path).subject")
        for list in ["from", "to", "cc"] {
            let addresses = object[list] as? [Any]
            #expect(addresses != nil, "\(path).\(list) is not an array")
            for address in addresses ?? [] {
                let address = address as? [String: Any] ?? [:]
                #expect(keys(address) == Set(Self.addressKeys), "\(path).\(list)")
                #expect(address["address"] is String, "\(path).\(list).address")
                #expect(Self.isStringOrNull(address["name"]), "\(path).\(list).name")
            }
        }
        for key in ["date", "messageId"] {
            #expect(Self.isStringOrNull(object[key]), "\(path).\(key)")
        }
        for key in ["inReplyTo", "references"] {
            #expect((object[key] as? [Any])?.allSatisfy { $0 is String } == true, "\(path).\(key)")
        }
        if let date = object["date"] as? String {
            #expect(date.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})/) != nil,
                    "\(path).date \(date) is not an RFC 3339 date-time")
        }
        for diagnostic in object["diagnostics"] as? [Any] ?? [] {
            let diagnostic = diagnostic as? [String: Any] ?? [:]
            #expect(keys(diagnostic) == Set(Self.diagnosticKeys), "\(path).diagnostics")
            #expect(["error", "warning", "info"].contains(diagnostic["severity"] as? String ?? ""), "\(path).diagnostics.severity")
            #expect(diagnostic["code"] is String && diagnostic["message"] is String, "\(path).diagnostics")
            #expect(Self.integer(diagnostic["offset"]) != nil, "\(path).diagnostics.offset")
        }
        if let root = object["root"] as? [String: Any] {
            checkPart(root, path: path + ".root")
        } else {
            Issue.record("\(path).root is not an object")
        }
    }

    private func checkPart(_ part: [String: Any], path: String) {
        var expected = Set(Self.partKeys)
        let contentType = part["contentType"] as? String ?? ""
        #expect(contentType == contentType.lowercased() && contentType.contains("/"), "\(path).contentType \(contentType)")
        if let children = part["parts"] as? [Any] {
            expected.insert("parts")
            #expect(contentType.hasPrefix("multipart/"), "\(path): parts on \(contentType)")
            for (index, child) in children.enumerated() {
                checkPart(child as? [String: Any] ?? [:], path: "\(path).parts[\(index)]")
            }
        } else if let message = part["message"] as? [String: Any] {
            expected.insert("message")
            #expect(contentType == "message/rfc822" || contentType == "message/global", "\(path): message on \(contentType)")
            checkMessage(message, path: path + ".message")
        } else {
            expected.formUnion(["decodedSize", "sha256"])
            #expect(Self.integer(part["decodedSize"]) != nil, "\(path).decodedSize")
            let digest = part["sha256"] as? String ?? ""
            #expect(digest.wholeMatch(of: /[0-9a-f]{64}/) != nil, "\(path).sha256")
            if contentType.hasPrefix("text/") {
                expected.insert("text")
                #expect(part["text"] is String, "\(path).text")
            }
        }
        #expect(keys(part) == expected, "\(path): keys \(part.keys.sorted())")
        let parameters = part["parameters"] as? [String: Any]
        #expect(parameters?.keys.allSatisfy { $0 == $0.lowercased() } == true, "\(path).parameters")
        #expect(parameters?.values.allSatisfy { $0 is String } == true, "\(path).parameters")
        for key in ["disposition", "filename", "transferEncoding"] {
            #expect(Self.isStringOrNull(part[key]), "\(path).\(key)")
        }
        let offsets = ["headerOffset", "bodyOffset", "endOffset"].compactMap { Self.integer(part[$0]) }
        #expect(offsets.count == 3 && offsets == offsets.sorted(), "\(path): offsets \(offsets)")
    }

    /// The independent parser forgets member order, so order is checked on the model that is
    /// written.
    private func checkOrder(_ value: JSONValue, isMessage: Bool, isTopLevel: Bool = false, path: String) {
        guard let names = value.memberNames else {
            Issue.record("\(path) is not an object")
            return
        }
        if isMessage {
            #expect(names == Self.messageKeys + (isTopLevel ? ["coi"] : []), "\(path): order \(names)")
            if isTopLevel, let coi = value["coi"] { #expect(coi.memberNames == Self.coiKeys, "\(path).coi") }
            if let root = value["root"] { checkOrder(root, isMessage: false, path: path + ".root") }
            for (key, order) in [("headers", Self.headerKeys), ("from", Self.addressKeys), ("to", Self.addressKeys),
                                 ("cc", Self.addressKeys), ("diagnostics", Self.diagnosticKeys)] {
                guard case .array(let elements)? = value[key] else { continue }
                for element in elements { #expect(element.memberNames == order, "\(path).\(key)") }
            }
            return
        }
        #expect(Array(names.prefix(Self.partKeys.count)) == Self.partKeys, "\(path): order \(names)")
        let tail = Array(names.dropFirst(Self.partKeys.count))
        #expect([["parts"], ["message"], ["decodedSize", "sha256"], ["decodedSize", "sha256", "text"]].contains(tail),
                "\(path): order \(names)")
        if case .array(let children)? = value["parts"] {
            for (index, child) in children.enumerated() { checkOrder(child, isMessage: false, path: "\(path).parts[\(index)]") }
        }
        if let message = value["message"] { checkOrder(message, isMessage: true, path: path + ".message") }
    }
}
