import COIServer
import Crypto
import Foundation
import MIMECore
import Testing

@Suite struct PushPayloadTests {
    static func message(_ lines: [String]) -> Message {
        Message.parse(lines.joined(separator: "\r\n"))
    }

    static func object(_ payload: PushPayload) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(payload.json)) as? [String: Any])
    }

    /// The spec's payload example, rebuilt from a message that carries its values.
    @Test func specExampleFields() throws {
        let message = PushPayloadTests.message([
            "From: Alice <Sender@Domain.com>",
            "To: bob@example.org",
            "Subject: Chat: Hello",
            "Date: Tue, 31 Dec 2019 23:20:50 +0000",
            "Message-ID: <chat$2923892892@domain.com>",
            "Chat-Version: 1.0",
            "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\";",
            " boundary=\"--------------MIME-BOUNDARY------------\"",
            "",
            "----------------MIME-BOUNDARY------------",
            "Content-Type: application/pgp-encrypted",
            "",
            "Version: 1",
            "----------------MIME-BOUNDARY------------",
            "Content-Type: application/octet-stream; name=\"encrypted.asc\"",
            "",
            "-----BEGIN PGP MESSAGE-----",
            "-----END PGP MESSAGE-----",
            "----------------MIME-BOUNDARY--------------",
            "",
        ])
        let payload = try #require(PushPayload(message: message, uid: 2_398_293, uidValidity: 123_287, folder: "COI/Chats"))
        let json = try PushPayloadTests.object(payload)
        #expect(json["from-email"] as? String == "sender@domain.com")
        #expect(json["from-name"] as? String == "Alice")
        #expect(json["subject"] as? String == "Chat: Hello")
        #expect(json["date"] as? String == "2019-12-31T23:20:50+00:00")
        #expect(json["msg-id"] as? String == "chat$2923892892@domain.com")
        #expect(json["uid"] as? Int == 2_398_293)
        #expect(json["uidvalidity"] as? Int == 123_287)
        #expect(json["folder"] as? String == "COI/Chats")
        #expect((json["content"] as? String)?.hasPrefix("----------------MIME-BOUNDARY------------\r\nContent-Type: application/pgp-encrypted") == true)
        #expect(json["content-type"] as? String == "multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"--------------MIME-BOUNDARY------------\"")
        #expect(json["content-encoding"] == nil)
        #expect(json["group-id"] == nil)
        let keys = Array(String(decoding: payload.json, as: UTF8.self).matches(of: /"([a-z-]+)":/).map { String($0.1) })
        #expect(keys == ["from-email", "from-name", "subject", "content", "content-type", "date", "msg-id", "uid", "uidvalidity", "folder"])
    }

    @Test func plainTextOmitsTypeAndIdentityEncodingsButKeepsOthers() throws {
        let plain = PushPayloadTests.message(["From: bob@example.org", "Content-Type: text/plain; charset=utf-8", "", "Hi"])
        let json = try PushPayloadTests.object(try #require(PushPayload(message: plain, uid: 1, uidValidity: 1, folder: "INBOX")))
        #expect(json["content"] as? String == "Hi")
        #expect(json["content-type"] == nil)
        #expect(json["content-encoding"] == nil)
        #expect(json["from-name"] == nil)
        #expect(json["subject"] == nil)
        #expect(json["date"] == nil)
        #expect(json["msg-id"] == nil)
        let quoted = PushPayloadTests.message(["From: bob@example.org", "Subject:   ", "Content-Type: text/plain; charset=iso-8859-1",
                                               "Content-Transfer-Encoding: Quoted-Printable", "", "Gr=FC=DFe"])
        let other = try PushPayloadTests.object(try #require(PushPayload(message: quoted, uid: 1, uidValidity: 1, folder: "INBOX")))
        #expect(other["content-type"] as? String == "text/plain; charset=iso-8859-1")
        #expect(other["content-encoding"] as? String == "quoted-printable")
        #expect(other["subject"] == nil)
    }

    @Test func groupIDAndFolderLimits() throws {
        let message = PushPayloadTests.message(["From: a@b.c", "", "x"])
        let group = PushPayloadTests.message(["From: a@b.c", "Message-ID: <chat$group.abcdefghijklmnop.q1w2e3@example.org>", "", "x"])
        let grouped = try PushPayloadTests.object(try #require(PushPayload(message: group, uid: 1, uidValidity: 1, folder: "COI/Chats")))
        #expect(grouped["group-id"] as? String == "abcdefghijklmnop")
        let reply = PushPayloadTests.message(["From: a@b.c", "Message-ID: <123@mua.example>",
                                              "References: <chat$group.abcdefghijklmnop.q1w2e3@example.org>", "", "x"])
        #expect(try #require(PushPayload(message: reply, uid: 1, uidValidity: 1, folder: "INBOX")).groupID == "abcdefghijklmnop")
        #expect(try #require(PushPayload(message: message, uid: 1, uidValidity: 1, folder: "INBOX")).groupID == nil)
        let long = try PushPayloadTests.object(try #require(PushPayload(message: message, uid: 1, uidValidity: 1,
                                                                       folder: String(repeating: "f", count: 201))))
        #expect(long["folder"] == nil)
        // Escaping counts: 100 quotes are 200 octets escaped, 101 are too many.
        let quotes = try PushPayloadTests.object(try #require(PushPayload(message: message, uid: 1, uidValidity: 1, folder: String(repeating: "\"", count: 100))))
        #expect(quotes["folder"] as? String == String(repeating: "\"", count: 100))
        #expect(try PushPayloadTests.object(try #require(PushPayload(message: message, uid: 1, uidValidity: 1, folder: String(repeating: "\"", count: 101))))["folder"] == nil)
    }

    @Test(arguments: [
        String(repeating: "a", count: 150),
        String(repeating: "é", count: 80),
        String(repeating: "😀", count: 40),
        String(repeating: "ab\"", count: 50),
        String(repeating: "\u{01}", count: 30),
        "x" + String(repeating: "\\", count: 99),
    ])
    func longSubjectsAreCutOnBoundariesWithAnEllipsis(subject: String) throws {
        let builder = MessageBuilder(from: [Mailbox(displayName: subject, localPart: "a", domain: "b.c")], subject: subject,
                                     date: MessageDate(secondsSinceEpoch: 0), messageID: MessageID(left: "x", right: "y"),
                                     body: .text("body"))
        let message = Message.parse(try builder.serialize())
        let payload = try #require(PushPayload(message: message, uid: 1, uidValidity: 1, folder: "INBOX"))
        let json = try PushPayloadTests.object(payload)
        let text = String(decoding: payload.json, as: UTF8.self)
        for key in ["subject", "from-name"] {
            let value = try #require(json[key] as? String)
            #expect(value.hasSuffix("\u{2026}"))
            #expect(subject.hasPrefix(String(value.dropLast())))
            // The escaped text before the ellipsis is at most 100 octets and ends on a whole escape.
            let raw = try #require(text.firstMatch(of: try Regex("\"\(key)\":\"((?:[^\"\\\\]|\\\\.)*)\""))?.output[1].substring)
            let bytes = Array(raw.utf8)
            #expect(bytes.suffix(3) == [0xE2, 0x80, 0xA6])
            #expect(bytes.count - 3 <= 100)
            #expect(bytes.count - 3 > 100 - 12)
        }
    }

    @Test func contentOnlyWhenTheWholePayloadFits() throws {
        let header = ["From: Alice <alice@example.org>", "Subject: size", "Message-ID: <m1@example.org>", ""]
        // Find the largest body that still goes in, then check one more octet keeps it out.
        let empty = try #require(PushPayload(message: PushPayloadTests.message(header + [""]), uid: 7, uidValidity: 9, folder: "INBOX"))
        let room = WebPushEncryption.maximumPlaintextLength - empty.json.count
        let fits = try #require(PushPayload(message: PushPayloadTests.message(header + [String(repeating: "a", count: room)]),
                                            uid: 7, uidValidity: 9, folder: "INBOX"))
        #expect(fits.content?.utf8.count == room)
        #expect(fits.json.count == WebPushEncryption.maximumPlaintextLength)
        // After a 413 the same payload goes again without the body.
        #expect(fits.withoutContent.content == nil)
        #expect(fits.withoutContent.json == empty.withoutContent.json)
        let over = try #require(PushPayload(message: PushPayloadTests.message(header + [String(repeating: "a", count: room + 1)]),
                                            uid: 7, uidValidity: 9, folder: "INBOX"))
        #expect(over.content == nil)
        #expect(over.subject == "size")
        // The largest payload still encrypts into at most 4096 octets.
        let userAgent = P256.KeyAgreement.PrivateKey()
        let keys = try PushKeys(p256dh: Base64URL.encode(Array(userAgent.publicKey.x963Representation)), auth: Base64URL.encode([UInt8](repeating: 3, count: 16)))
        let body = try WebPushEncryption.encrypt(fits.json, for: keys)
        #expect(body.count == 4096)
        #expect(try BrowserDecryptor.decrypt(body, userAgentPrivateKey: userAgent, auth: [UInt8](repeating: 3, count: 16)) == fits.json)
    }

    @Test func nonUTF8BodyIsLeftOut() throws {
        let header = Array("From: a@b.c\r\nContent-Type: text/plain; charset=latin1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".utf8)
        let message = Message.parse(header + [0x47, 0x72, 0xFC, 0xDF, 0x65])
        let payload = try #require(PushPayload(message: message, uid: 1, uidValidity: 1, folder: "INBOX"))
        #expect(payload.content == nil)
        #expect(payload.contentType == nil)
    }

    @Test func dispositionNotificationsGetNoPush() {
        let mdn = PushPayloadTests.message([
            "From: bob@example.org", "Subject: Read: hello",
            "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"b\"", "",
            "--b", "Content-Type: text/plain", "", "read", "--b",
            "Content-Type: message/disposition-notification", "", "Final-Recipient: rfc822;bob@example.org",
            "Disposition: manual-action/MDN-sent-manually; displayed", "--b--", "",
        ])
        #expect(PushPayload(message: mdn, uid: 1, uidValidity: 1, folder: "INBOX") == nil)
        #expect(PushPayload.isDispositionNotification(mdn))
        let report = PushPayloadTests.message(["From: mailer-daemon@example.org",
                                               "Content-Type: multipart/report; report-type=delivery-status; boundary=b", "",
                                               "--b", "Content-Type: text/plain", "", "failed", "--b--", ""])
        #expect(PushPayload(message: report, uid: 1, uidValidity: 1, folder: "INBOX") != nil)
    }

    @Test func hostileHeadersStillGiveValidBoundedJSON() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = Array("From: ".utf8)
            for _ in 0..<Int(generator.next() % 400) { bytes.append(UInt8(truncatingIfNeeded: generator.next())) }
            bytes += Array("\r\nSubject: =?utf-8?b?".utf8) + Array(String(repeating: "8J+YgA==", count: Int(generator.next() % 60)).utf8)
            bytes += Array("?=\r\nMessage-ID: <".utf8) + (0..<200).map { _ in UInt8(0x21 + generator.next() % 90) } + Array(">\r\n\r\n".utf8)
            bytes += (0..<Int(generator.next() % 5000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            guard let payload = PushPayload(message: Message.parse(bytes), uid: .max, uidValidity: .max, folder: "INBOX") else { continue }
            #expect(payload.json.count <= WebPushEncryption.maximumPlaintextLength)
            #expect((try? JSONSerialization.jsonObject(with: Data(payload.json))) is [String: Any])
        }
    }
}
