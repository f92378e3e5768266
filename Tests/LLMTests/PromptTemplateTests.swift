import Foundation
import Testing
@testable import LLM

@Suite struct PromptTemplateTests {
    @Test func rendersPlaceholders() throws {
        let template = try PromptTemplate(
            text: "Q: {{question}}\n{{ passages }}\nQ again: {{question}}", name: "t.txt",
            allowed: ["question", "passages"])
        #expect(template.placeholders == ["question", "passages"])
        #expect(template.render(["question": "Why?", "passages": "[1] Because."])
                    == "Q: Why?\n[1] Because.\nQ again: Why?")
    }

    @Test func valuesAreNotExpandedAgainAndMissingOnesAreEmpty() throws {
        let template = try PromptTemplate(text: "<{{a}}|{{b}}>", name: "t.txt", allowed: ["a", "b"])
        #expect(template.render(["a": "{{b}}"]) == "<{{b}}|>")
    }

    @Test func textWithoutPlaceholdersIsKept() throws {
        let template = try PromptTemplate(text: "Just text { with } braces", name: "t.txt", allowed: [])
        #expect(template.render([:]) == "Just text { with } braces")
    }

    private func message(_ text: String, allowed: Set<String> = ["question"], required: Set<String> = []) -> String? {
        do {
            _ = try PromptTemplate(text: text, name: "prompts/answer.txt", allowed: allowed, required: required)
            return nil
        } catch {
            #expect(error.code == .template)
            return error.message
        }
    }

    @Test func unknownPlaceholderNamesTheFileLineAndPlaceholder() throws {
        let text = try #require(message("Line one\nQ: {{question}} {{quesiton}}"))
        #expect(text.contains("prompts/answer.txt"))
        #expect(text.contains("line 2"))
        #expect(text.contains("{{quesiton}}"))
        #expect(text.contains("known: {{question}}"))
    }

    @Test func malformedPlaceholdersAreRejected() throws {
        #expect(try #require(message("{{question")).contains("never closed"))
        #expect(try #require(message("{{ two words }}")).contains("not a placeholder name"))
        #expect(try #require(message("{{1st}}")).contains("not a placeholder name"))
        #expect(try #require(message("{{question}}", allowed: [])).contains("takes no placeholders"))
    }

    @Test func requiredPlaceholderMustAppear() throws {
        let text = try #require(message("no placeholders", required: ["question"]))
        #expect(text.contains("must contain the placeholder {{question}}"))
    }
}
