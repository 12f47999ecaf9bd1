package org.yaraguard.review;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file of the quarantine the review cannot read, and why, in words for the reviewer. */
public record Unreadable(Path file, String reason) {

    /** Why reading {@code file} failed, with its owner when permissions are the cause. */
    static Unreadable of(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new Unreadable(file, "permission denied (owner " + owner(file) + "; run the command as that "
                    + "user or as root)");
        }
        if (e instanceof NoSuchFileException) {
            return new Unreadable(file, "it disappeared while being read");
        }
        if (e instanceof JacksonException) {
            return new Unreadable(file, "not a valid sidecar (JSON)");
        }
        return new Unreadable(file, e.getMessage() == null ? "it cannot be read" : e.getMessage());
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "cannot read " + file + ": " + reason;
    }
}
