import Testing

@testable import Encoder

@Suite struct SHA256Tests {
    /// FIPS 180-4's examples, and lengths around the 55/56/64-byte padding boundaries.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func knownDigests(message: String, digest: String) {
        let bytes = Array(message.utf8)
        #expect(bytes.withUnsafeBytes { SHA256.hex(of: $0) } == digest)
    }

    @Test func updatesInPiecesGiveTheDigestOfTheWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var whole = SHA256()
        whole.update(bytes)
        for split in [1, 55, 63, 64, 65, 999] {
            var pieces = SHA256()
            pieces.update(Array(bytes[..<split]))
            pieces.update(Array(bytes[split...]))
            #expect(pieces.finalize() == bytes.withUnsafeBytes { SHA256.hex(of: $0) })
        }
        #expect(whole.finalize() == bytes.withUnsafeBytes { SHA256.hex(of: $0) })
    }

    @Test func aMillionAs() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(
            bytes.withUnsafeBytes { SHA256.hex(of: $0) }
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
