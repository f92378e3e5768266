import Foundation
import Testing
@testable import LLM

@Suite struct PromptSetTests {
    /// The project's own `prompts/` folder.
    private var projectPrompts: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("prompts", isDirectory: true)
    }

    private func directory(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("panelist-prompts-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func projectPromptsLoadAndSayWhatTheyMust() throws {
        let prompts = try PromptSet(directory: projectPrompts)
        #expect(prompts.answer.placeholders == ["question", "passages", "conversation"])
        #expect(prompts.turn.placeholders == ["question", "answer"])
        let system = prompts.system.text
        #expect(system.contains("[2]"))
        #expect(system.contains("did not address"))
        #expect(system.contains("own knowledge"))
    }

    @Test func messagesPutTheSystemPromptFirst() throws {
        let prompts = try PromptSet(directory: projectPrompts)
        let first = prompts.messages(question: "What about X?", passages: "[1] Anna (Q: X?): X is fine.")
        #expect(first.map(\.role) == ["system", "user"])
        #expect(first[1].content.hasPrefix("Passages:"))
        #expect(first[1].content.contains("Question: What about X?"))
        let later = prompts.messages(question: "And Y?", passages: "[1] …",
                                     conversation: [(question: "What about X?", answer: "It is fine [1].")])
        #expect(later[1].content.hasPrefix("Earlier in this conversation the user asked: What about X?"))
        #expect(later[1].content.contains("It is fine [1]."))
    }

    @Test func conversationFileIsOptional() throws {
        let folder = try directory(["system.txt": "Be good.\n", "answer.txt": "{{conversation}}\n{{passages}}\n{{question}}\n"])
        let prompts = try PromptSet(directory: folder)
        #expect(prompts.system.text == "Be good.")
        let messages = prompts.messages(question: "Q2", passages: "P", conversation: [(question: "Q1", answer: "A1")])
        #expect(messages[1].content == "Question: Q1\nAnswer: A1\nP\nQ2")
    }

    @Test func missingFileIsNamed() throws {
        let folder = try directory(["system.txt": "Be good."])
        do {
            _ = try PromptSet(directory: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .template)
            #expect(error.message == "prompt template \(folder.appendingPathComponent("answer.txt").path) is missing")
        }
    }

    @Test(arguments: [
        (["system.txt": "{{question}}", "answer.txt": "{{question}}{{passages}}"], "system.txt", "unknown placeholder"),
        (["system.txt": "ok", "answer.txt": "{{question}} only"], "answer.txt", "{{passages}}"),
        (["system.txt": "  \n\n", "answer.txt": "{{question}}{{passages}}"], "system.txt", "is empty"),
        (["system.txt": "ok", "answer.txt": "{{question}}{{passages}}", "conversation.txt": "{{passages}}"],
         "conversation.txt", "unknown placeholder"),
    ])
    func malformedFilesAreNamed(files: [String: String], culprit: String, expected: String) throws {
        let folder = try directory(files)
        do {
            _ = try PromptSet(directory: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains(folder.appendingPathComponent(culprit).path))
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func nonUTF8FileIsNamed() throws {
        let folder = try directory(["answer.txt": "{{question}}{{passages}}"])
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: folder.appendingPathComponent("system.txt"))
        do {
            _ = try PromptSet(directory: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("is not UTF-8 text"))
        }
    }
}
