import MLMSyntax

extension String {
    /// A name or value from a script or data file as the terminal shows it (TerminalText):
    /// for interpolating into lines that are not styled or laid out by TextTable.
    var shown: String { TerminalText.visible(self) }
}
