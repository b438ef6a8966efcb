/// Gives positional words to a command's arguments. Required arguments are served
/// first, so `[METHOD] PATH` with one word fills PATH; a repeatable argument takes
/// what the arguments after it do not need.
struct ArgumentBinder<Action: Sendable> {
    let chain: CommandChain<Action>

    func bind(_ words: [PositionalWord]) throws(UsageError) -> [String: [String]] {
        let arguments = chain.current.arguments
        var remaining = words[...]
        var bound: [String: [String]] = [:]
        for (offset, argument) in arguments.enumerated() {
            let neededLater = arguments[(offset + 1)...].filter { !$0.optional }.count
            let spare = max(0, remaining.count - neededLater)
            let count = argument.repeatable ? spare : min(1, argument.optional ? spare : remaining.count)
            if count == 0 && !argument.optional {
                throw chain.usageError(.missingArgument(name: argument.name))
            }
            let given = remaining.prefix(count)
            remaining = remaining.dropFirst(count)
            try check(given, for: argument)
            if !given.isEmpty { bound[argument.name] = given.map(\.text) }
        }
        if let extra = remaining.first {
            throw chain.usageError(.unexpectedArgument(value: extra.text, command: chain.displayName), position: extra.position)
        }
        return bound
    }

    private func check(_ words: ArraySlice<PositionalWord>, for argument: Argument) throws(UsageError) {
        guard let choices = argument.choices else { return }
        for word in words where !choices.contains(word.text) {
            throw chain.usageError(
                .invalidValue(value: word.text, name: argument.name, expected: "one of " + choices.joined(separator: ", ")),
                suggestion: closestMatch(to: word.text, in: choices), position: word.position)
        }
    }
}
