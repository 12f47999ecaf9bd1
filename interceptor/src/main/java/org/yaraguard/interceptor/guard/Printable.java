package org.yaraguard.interceptor.guard;

/** Text from a sender made safe for one log line or a DICOM comment: control characters become '?'. */
final class Printable {

    private Printable() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
