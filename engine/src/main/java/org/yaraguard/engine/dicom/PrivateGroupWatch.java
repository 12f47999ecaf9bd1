package org.yaraguard.engine.dicom;

import java.util.ArrayList;
import java.util.List;

/** Collects {@link PrivateGroupLayout} while the walk reports top-level elements. */
final class PrivateGroupWatch {

    private static final int GROUP = PrivateGroupLayout.GROUP;

    private final List<PrivateGroupLayout.Element> elements = new ArrayList<>();
    private long datasetStart = -1;
    private Syntax syntax = Syntax.EXPLICIT_LE;
    private long next = -1;
    private long end = -1;
    private long lastOffset = -1;
    /** Whether the previous top-level element was the last one in elements (so the next one ends it). */
    private boolean lastInGroup;

    void start(long offset, Syntax datasetSyntax) {
        datasetStart = offset;
        syntax = datasetSyntax;
    }

    void element(int tag, long offset) {
        if (offset <= lastOffset) {
            // A guessed sequence the walk unwound and read again as a plain value: already recorded.
            return;
        }
        lastOffset = offset;
        closeLast(offset);
        int group = tag >>> 16;
        if (group == GROUP) {
            elements.add(new PrivateGroupLayout.Element(tag, offset, -1, null));
            lastInGroup = true;
        } else if (next < 0 && Integer.compareUnsigned(group, GROUP) > 0) {
            next = offset;
        }
    }

    boolean isCreator(int tag) {
        int element = tag & 0xFFFF;
        return tag >>> 16 == GROUP && element >= 0x10 && element <= 0xFF;
    }

    /** The value of the creator element just reported by {@link #element}. */
    void creator(int tag, String value) {
        if (!elements.isEmpty() && lastInGroup) {
            PrivateGroupLayout.Element last = elements.get(elements.size() - 1);
            if (last.tag() == tag) {
                elements.set(elements.size() - 1, new PrivateGroupLayout.Element(tag, last.offset(), last.end(),
                        value));
            }
        }
    }

    void end(long offset) {
        closeLast(offset);
        end = offset;
    }

    PrivateGroupLayout layout() {
        return new PrivateGroupLayout(datasetStart, syntax.explicitVr(), syntax.bigEndian(), syntax.deflated(),
                elements, next, end);
    }

    private void closeLast(long offset) {
        if (lastInGroup) {
            PrivateGroupLayout.Element last = elements.get(elements.size() - 1);
            elements.set(elements.size() - 1, new PrivateGroupLayout.Element(last.tag(), last.offset(), offset,
                    last.creator()));
            lastInGroup = false;
        }
    }
}
