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
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A new id for a record (UUID text, lowercase).
    public static func newID() -> String {
        UUID().uuidString.lowercased()
    }
}
