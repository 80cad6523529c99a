@testable import MLMREPL
import MLMSyntax
import Testing

/// `:help`: every step has a topic, every example in it parses, commands are all listed.
@Suite struct HelpTests {
    @Test func everyStepOfTheLanguageHasHelp() {
        for step in Parser.stepKeywords {
            #expect(HelpTopics.text(for: step) != nil, "no :help \(step)")
        }
    }

    @Test func everyExampleParses() {
        for step in StepHelp.steps {
            #expect(!step.examples.isEmpty, "\(step.name) has no example")
            for example in step.examples {
                let (_, diagnostics) = Parser.parse(SourceFile(name: "help", text: example + "\n"))
                #expect(diagnostics.isEmpty, "\(step.name): \(example): \(diagnostics.map(\.message))")
            }
        }
    }

    @Test func overviewListsEveryCommand() {
        for command in MetaCommand.all {
            #expect(HelpTopics.overview.contains(command.usage))
        }
    }

    @Test func topicsForAliasesOperationsAndVocabulary() {
        #expect(HelpTopics.text(for: "train") == HelpTopics.text(for: "model"))
        #expect(HelpTopics.text(for: "fill")?.contains("clean operation") == true)
        #expect(HelpTopics.text(for: "algorithms")?.contains("random_forest") == true)
        #expect(HelpTopics.text(for: "functions")?.contains("days_between") == true)
        #expect(HelpTopics.text(for: ":save")?.contains(":save <file.mlm>") == true)
        #expect(HelpTopics.text(for: "nonsense") == nil)
    }
}
