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

    @Test func unknownCommandsSuggestFullNamesWithTheirColon() {
        #expect(MetaCommand.unknown("") == "':' alone is not a command; a line starting with ':' runs a REPL command, such as :help, :tables or :quit")
        #expect(MetaCommand.unknown("x") == "unknown command ':x'; type :help for the commands")
        #expect(MetaCommand.unknown("hlep") == "unknown command ':hlep' (did you mean ':help'?); type :help for the commands")
        #expect(MetaCommand.unknown("tabels") == "unknown command ':tabels' (did you mean ':tables'?); type :help for the commands")
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
