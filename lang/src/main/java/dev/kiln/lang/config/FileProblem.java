package dev.kiln.lang.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says in words why a file of the configuration could not be read; Java's messages are often just the path. */
final class FileProblem
{
    private FileProblem() {}

    static String describe(IOException exception)
    {
        return switch (exception) {
            case NoSuchFileException ignored -> "it does not exist";
            case AccessDeniedException ignored -> "permission denied";
            case NotDirectoryException ignored -> "it is not a directory";
            case CharacterCodingException ignored -> "it is not UTF-8 text (Kiln reads configuration and variables files as UTF-8)";
            default -> exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        };
    }
}
