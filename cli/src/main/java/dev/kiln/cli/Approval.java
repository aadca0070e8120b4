package dev.kiln.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Asks the operator to type {@code yes}, as Terraform does; only on a terminal. */
final class Approval
{
    private Approval() {}

    /** Whether the operator typed exactly {@code yes}. */
    static boolean ask(Invocation invocation, String question, String explanation)
            throws IOException
    {
        invocation.out().print(question + "\n  " + explanation + "\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
        invocation.out().flush();
        String answer = new BufferedReader(new InputStreamReader(invocation.in(), StandardCharsets.UTF_8)).readLine();
        invocation.out().println();
        return answer != null && answer.trim().equals("yes");
    }
}
