package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a span of PDF syntax: "&lt;&lt;", "&gt;&gt;", "[", "]", names ("/Name", #xx escapes resolved),
 * strings (as "()" or "&lt;&gt;", their content does not matter here) and other words (numbers, R, true …).
 */
final class PdfTokens {

    private final ByteBuffer pdf;
    private final int end;
    private int at;

    PdfTokens(ByteBuffer pdf, int start, int end) {
        this.pdf = pdf;
        this.at = start;
        this.end = end;
    }

    List<String> all() {
        List<String> tokens = new ArrayList<>();
        for (String token = next(); token != null; token = next()) {
            tokens.add(token);
        }
        return tokens;
    }

    private String next() {
        while (at < end && whitespace(pdf.get(at))) {
            at++;
        }
        if (at >= end) {
            return null;
        }
        byte b = pdf.get(at);
        if (b == '%') {
            while (at < end && pdf.get(at) != '\n' && pdf.get(at) != '\r') {
                at++;
            }
            return next();
        }
        if ((b == '<' || b == '>') && at + 1 < end && pdf.get(at + 1) == b) {
            at += 2;
            return b == '<' ? "<<" : ">>";
        }
        if (b == '[' || b == ']' || b == '{' || b == '}' || b == '>' || b == ')') {
            at++;
            return String.valueOf((char) b);
        }
        if (b == '<') {
            while (at < end && pdf.get(at) != '>') {
                at++;
            }
            at++;
            return "<>";
        }
        if (b == '(') {
            skipString();
            return "()";
        }
        if (b == '/') {
            at++;
            return "/" + word(true);
        }
        return word(false);
    }

    /** Skips a literal string: balanced parentheses, backslash escapes. */
    private void skipString() {
        int depth = 0;
        while (at < end) {
            byte b = pdf.get(at++);
            if (b == '\\') {
                at++;
            } else if (b == '(') {
                depth++;
            } else if (b == ')' && --depth == 0) {
                return;
            }
        }
    }

    private String word(boolean name) {
        StringBuilder word = new StringBuilder();
        while (at < end && !whitespace(pdf.get(at)) && !delimiter(pdf.get(at))) {
            int b = pdf.get(at) & 0xFF;
            int escaped = name && b == '#' && at + 2 < end ? hex(pdf.get(at + 1), pdf.get(at + 2)) : -1;
            if (escaped >= 0) {
                word.append((char) escaped);
                at += 3;
            } else {
                word.append((char) b);
                at++;
            }
        }
        if (word.isEmpty() && !name) {
            word.append((char) (pdf.get(at++) & 0xFF));
        }
        return word.toString();
    }

    private static int hex(byte high, byte low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }

    static boolean whitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    static boolean delimiter(byte b) {
        return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}'
                || b == '/' || b == '%';
    }
}
