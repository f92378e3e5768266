@testable import Corpus
import Foundation
import Testing

@Suite struct JSONObjectScannerTests {
    /// The members of `json`, or nil when the scanner rejects it.
    func members(_ json: String) -> [String]? {
        members(Array(json.utf8))
    }

    func members(_ bytes: [UInt8]) -> [String]? {
        var found: [String] = []
        do {
            try bytes.withUnsafeBytes { raw in
                try JSONObjectScanner.members(of: raw) { key, value in
                    switch value {
                    case .string(let text): found.append("\(key)=\(text)")
                    case .null: found.append("\(key)=null")
                    case .other: found.append("\(key)?")
                    }
                }
            }
        } catch {
            return nil
        }
        return found
    }

    @Test func readsStringAndNullMembersInOrder() {
        #expect(members(#"{"text": "Hello", "id": null, "n": 1}"#) == ["text=Hello", "id=null", "n?"])
        #expect(members("{}") == [])
        #expect(members(" \t{ } \r") == [])
        #expect(members(#"{"a":"","b":"x"}"#) == ["a=", "b=x"])
    }

    @Test func decodesEveryEscape() {
        #expect(members(#"{"t": "q\" b\\ s\/ \b\f\n\r\t end"}"#) == ["t=q\" b\\ s/ \u{8}\u{C}\n\r\t end"])
        #expect(members(#"{"t": "\u00e9\u00C9 \u20AC \u0000"}"#) == ["t=éÉ € \u{0}"])
        #expect(members(#"{"t": "\ud83d\ude00 pair"}"#) == ["t=😀 pair"])
        #expect(members(#"{"te\u0078t": "escaped key"}"#) == ["text=escaped key"])
        #expect(members(#"{"t": "prefix é then \n escape"}"#) == ["t=prefix é then \n escape"])
    }

    @Test func keepsUnicodeText() {
        #expect(members(#"{"t": "naïve café — 日本語 😀"}"#) == ["t=naïve café — 日本語 😀"])
    }

    @Test func skipsNestedValuesOfEveryKind() {
        let json = #"{"a": [1, -2.5e+3, true, false, null, "s]", {"k": [{}, []]}], "b": {"x": {"y": "}"}}, "c": 0, "d": 1E5, "t": "after"}"#
        #expect(members(json) == ["a?", "b?", "c?", "d?", "t=after"])
        #expect(members(#"{"a": [ ], "b": { }, "c": -0.0}"#) == ["a?", "b?", "c?"])
    }

    @Test func rejectsMalformedStructure() {
        for json in [
            "", "   ", "[]", "\"text\"", "null", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "{,}",
            "{\"a\":1 \"b\":2}", "{\"a\":1}}", "{\"a\":1} x", "{\"a\":1}{}", "{a:1}", "{'a':'b'}", "{\"a\":[1,]}",
            "{\"a\":[1 2]}", "{\"a\":{\"b\"}}", "{\"a\":{\"b\":1,}}", "{\"a\":[}", "{\"a\":\"open}",
        ] {
            #expect(members(json) == nil, "\(json)")
        }
    }

    @Test func rejectsMalformedValues() {
        for json in [
            "{\"a\":tru}", "{\"a\":nul}", "{\"a\":True}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}",
            "{\"a\":1e}", "{\"a\":+1}", "{\"a\":0x10}", "{\"a\":NaN}", "{\"a\":nullx}",
        ] {
            #expect(members(json) == nil, "\(json)")
        }
    }

    @Test func rejectsMalformedStrings() {
        for json in [
            #"{"t": "\x"}"#, #"{"t": "\u12"}"#, #"{"t": "\u12G4"}"#, #"{"t": "\ud83d"}"#, #"{"t": "\ud83d x"}"#,
            #"{"t": "\ud83d\u0041"}"#, #"{"t": "\ude00"}"#, "{\"t\": \"tab\tinside\"}", "{\"t\": \"new\nline\"}", #"{"t": "\"#,
        ] {
            #expect(members(json) == nil, "\(json)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(members(Array(#"{"t": ""#.utf8) + [0xC3] + Array(#""}"#.utf8)) == nil)
        #expect(members(Array(#"{"t": "a\n"#.utf8) + [0xFF] + Array(#""}"#.utf8)) == nil)
        #expect(members(Array(#"{"t": "ok"}"#.utf8)) == ["t=ok"])
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: JSONObjectScanner.maxDepth) + String(repeating: "]", count: JSONObjectScanner.maxDepth)
        #expect(members("{\"a\": \(deep)}") == ["a?"])
        let tooDeep = "[" + deep + "]"
        #expect(members("{\"a\": \(tooDeep)}") == nil)
    }
}
