internal import Crypto
public import MIMECore

/// The `COI-From-Hash` value of an email address (COI client spec, "Contact Storage Message
/// Headers"): SHA3-256 of the normalized address, as 64 lowercase hexadecimal digits.
///
/// Servers use it to find the contact storage message of a sender without reading the
/// (possibly encrypted) body; group storage messages use it as the `p-hash` of a participant.
public enum COIFromHash {
    /// The normalized form the spec hashes: "removing quotes, using UTF-8 and lowercasing".
    ///
    /// Surrounding white space and angle brackets are dropped too, so that `<a@b>` and `a@b`
    /// hash alike. Lowercasing is Unicode lowercasing, for internationalized addresses
    /// (RFC 6532).
    public static func normalize(address: String) -> String {
        var bytes = Array(COIBytes.trimmed(Array(address.utf8)))
        if bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">"), bytes.count >= 2 {
            bytes = Array(COIBytes.trimmed(Array(bytes[1..<(bytes.count - 1)])))
        }
        bytes.removeAll { $0 == UInt8(ascii: "\"") }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    /// The hash of an address: 64 lowercase hex digits of SHA3-256 over ``normalize(address:)``.
    public static func hash(address: String) -> String {
        let digest = SHA3_256.hash(data: Array(normalize(address: address).utf8))
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hash of a mailbox's `addr-spec` (its display name is not part of the hash).
    public static func hash(mailbox: Mailbox) -> String {
        hash(address: mailbox.localPart + (mailbox.domain.map { "@" + $0 } ?? ""))
    }

    /// Whether `value` has the form of a hash: exactly 64 lowercase hexadecimal digits.
    public static func isWellFormed(_ value: String) -> Bool {
        var count = 0
        for byte in value.utf8 {
            guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) else { return false }
            count += 1
        }
        return count == 64
    }
}
