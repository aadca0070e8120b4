package dev.kiln.state;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Moves a state document one format version forward, from {@link #fromVersion()} to the next.
 * The codec chains migrations when it reads an older file, so a format change ships with one
 * migration and every older state keeps opening.
 */
public interface StateMigration
{
    int fromVersion();

    /** The document in format {@code fromVersion() + 1}; may modify and return its argument. */
    ObjectNode migrate(ObjectNode document)
            throws MalformedDocumentException;
}
