package dev.kiln.cli;

import picocli.CommandLine.Option;

/** {@code -h}, {@code -help} and {@code --help} on every command. */
final class HelpOption
{
    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
