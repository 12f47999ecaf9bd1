package org.yaraguard.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

/** What went wrong, in words for the user: no exception class names and no stack traces. */
public final class FailureMessage {

    private FailureMessage() {
    }

    public static String of(Throwable failure) {
        Throwable e = failure;
        // Wrappers add a class name (their message is the cause's toString()), never information.
        while ((e instanceof UncheckedIOException || e instanceof ExecutionException
                || e.getCause() != null && e.getCause().toString().equals(e.getMessage())) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be read");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unexpected failure (no details)" : message;
    }
}
