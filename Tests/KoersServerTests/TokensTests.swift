import Foundation
import KoersServer
import Testing

/// Tokens are stored as their SHA-256 in lowercase hex: the hashes of existing rows must stay
/// what they were.
@Suite struct TokensTests {
    @Test func theHashIsTheLowercaseHexSHA256OfTheToken() {
        #expect(Tokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Tokens.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let token = Tokens.generate()
        #expect(Tokens.hash(token).count == 64)
        #expect(Tokens.hash(token) == Tokens.hash(token))
        #expect(Tokens.hash(token).allSatisfy { "0123456789abcdef".contains($0) })
    }
}
