import Crypto
import Foundation

/// Secret tokens (logins, resume tokens, share links) and their stored hashes.
///
/// A token is 256 random bits from `SystemRandomNumberGenerator`, written as base64url without
/// padding (43 characters). Only its SHA-256, as lowercase hex, is stored, so a copy of the
/// database does not let anyone in.
public enum Tokens {
    /// A new random token.
    ///
    /// - Parameter byteCount: The number of random bytes (32, 256 bits, unless told).
    /// - Returns: The token, base64url without padding.
    public static func generate(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for _ in 0..<byteCount { bytes.append(UInt8.random(in: .min ... .max, using: &generator)) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The hash that is stored for a token.
    ///
    /// - Parameter token: The token.
    /// - Returns: The SHA-256 of its UTF-8 bytes, as lowercase hex.
    public static func hash(_ token: String) -> String {
        // Every answer of a resumed session checks its token: written digit by digit into one
        // buffer, not as a string per byte joined.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// A new id for a record (UUID text, lowercase).
    public static func newID() -> String {
        UUID().uuidString.lowercased()
    }
}
