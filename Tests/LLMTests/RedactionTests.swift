import Testing
@testable import LLM

@Suite struct RedactionTests {
    let key = "sk-proj-AbCdEf0123456789wxyz"
    var redaction: Redaction { Redaction(secret: key)! }

    @Test(arguments: [
        ("Incorrect API key provided: sk-proj-AbCdEf0123456789wxyz.", "Incorrect API key provided: [redacted]."),
        ("key SK-PROJ-ABCDEF0123456789WXYZ rejected", "key [redacted] rejected"),
        ("key sk-proj-AbCd rejected", "key [redacted] rejected"),
        ("ends in 0123456789wxyz", "ends in [redacted]"),
        ("middle Ef012345 only", "middle [redacted] only"),
        ("masked sk-proj-Ab…wxyz here", "masked [redacted] here"),
        ("masked sk-pro...WXYZ here", "masked [redacted] here"),
        ("masked sk-proj-****************wxyz.", "masked [redacted]."),
        ("masked …wxyz", "masked [redacted]"),
    ])
    func hidesTheKeyWholeInAnotherCaseInPartOrMasked(text: String, expected: String) {
        #expect(redaction.apply(text) == expected)
    }

    @Test(arguments: [
        "Incorrect API key provided. Wait... then retry *later*.",
        "sk-proj is a prefix too short to tell; so is wxyz",
        "the model is loading",
        "Grüße ☕ — «quoted» … fine",
    ])
    func leavesOtherTextAlone(text: String) {
        #expect(redaction.apply(text) == text)
    }

    @Test func shortSecretIsHiddenOnlyWhole() throws {
        let short = try #require(Redaction(secret: "hunter2"))
        #expect(short.apply("user:HUNTER2@host hunter") == "user:[redacted]@host hunter")
    }

    @Test func noSecretNoRedaction() {
        #expect(Redaction(secret: nil) == nil)
        #expect(Redaction(secret: "  ") == nil)
    }
}
