package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.state.State;

import java.util.List;
import java.util.Optional;

/** Parses an address given to a state command and finds it in the state, with errors that help. */
final class StateAddresses
{
    private StateAddresses() {}

    static Optional<ResourceAddress> parse(Workspace workspace, String text)
    {
        Diagnostics diagnostics = new Diagnostics();
        Optional<ResourceAddress> address = ResourceAddressParser.parse(text, "the command", diagnostics);
        workspace.show(diagnostics.toList());
        return diagnostics.hasErrors() ? Optional.empty() : address;
    }

    static Optional<ResourceAddress> recorded(Workspace workspace, State state, String text)
    {
        Optional<ResourceAddress> address = parse(workspace, text);
        if (address.isPresent() && state.resource(address.get()).isEmpty()) {
            List<String> known = state.resources().keySet().stream().map(ResourceAddress::toString).toList();
            workspace.show(List.of(Diagnostic.errorWithoutSource("No such resource instance",
                    "The state records no instance at " + text + ". List the recorded ones with kiln state list." + DidYouMean.sentence(text, known))));
            return Optional.empty();
        }
        return address;
    }
}
