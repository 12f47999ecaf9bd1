package org.yaraguard.engine.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The few entries of a PDF stream dictionary that say how to decode its body: /Filter, /Length, /Type, /Subtype and
 * the predictor /DecodeParms asks for. Names are read with their #xx escapes resolved, as PDF readers do.
 *
 * @param filters   filter names in the order they apply; a null element stands for a filter we cannot name (an
 *                  indirect reference or a non-name in the array)
 * @param length    the direct /Length, or -1 when absent, indirect or not a number
 * @param type      /Type without the slash, or ""
 * @param subtype   /Subtype without the slash, or ""
 * @param predictor the /Predictor above 1 that /DecodeParms names (with its /Colors, /BitsPerComponent, /Columns),
 *                  or null
 */
record PdfStreamDictionary(List<String> filters, long length, String type, String subtype, PdfPredictor predictor) {

    PdfStreamDictionary {
        filters = new ArrayList<>(filters);
    }

    /**
     * Reads the dictionary that ends just before end (exclusive, after its closing "&gt;&gt;"), looking no further
     * back than floor.
     *
     * @return the entries, or null when no balanced dictionary starts in [floor, end)
     */
    static PdfStreamDictionary read(ByteBuffer pdf, int floor, int end) {
        int start = start(pdf, floor, end);
        return start < 0 ? null : parse(new PdfTokens(pdf, start, end).all());
    }

    /** Walks back from the closing "&gt;&gt;" to its matching "&lt;&lt;"; -1 when there is none above floor. */
    private static int start(ByteBuffer pdf, int floor, int end) {
        int depth = 0;
        int i = end - 1;
        while (i - 1 >= floor) {
            byte b = pdf.get(i);
            if (b == '>' && pdf.get(i - 1) == '>') {
                depth++;
                i -= 2;
            } else if (b == '<' && pdf.get(i - 1) == '<') {
                depth--;
                if (depth == 0) {
                    return i - 1;
                }
                i -= 2;
            } else {
                i--;
            }
        }
        return -1;
    }

    private static PdfStreamDictionary parse(List<String> tokens) {
        List<String> filters = new ArrayList<>();
        long length = -1;
        String type = "";
        String subtype = "";
        PdfPredictor predictor = null;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("<<") || token.equals("[")) {
                depth++;
                continue;
            }
            if (token.equals(">>") || token.equals("]")) {
                depth--;
                continue;
            }
            if (depth != 1 || i + 1 >= tokens.size()) {
                continue;
            }
            String value = tokens.get(i + 1);
            switch (token) {
                case "/Filter" -> filters = filters(tokens, i + 1);
                case "/Length" -> length = indirect(tokens, i + 1) ? -1 : number(value);
                case "/Type" -> type = name(value);
                case "/Subtype" -> subtype = name(value);
                case "/DecodeParms", "/DP" -> predictor = predictor(tokens, i + 1);
                default -> {
                }
            }
        }
        return new PdfStreamDictionary(filters, length, type, subtype, predictor);
    }

    private static List<String> filters(List<String> tokens, int at) {
        List<String> filters = new ArrayList<>();
        String value = tokens.get(at);
        if (value.startsWith("/")) {
            filters.add(value.substring(1));
        } else if (value.equals("[")) {
            for (int i = at + 1; i < tokens.size() && !tokens.get(i).equals("]"); i++) {
                String element = tokens.get(i);
                filters.add(element.startsWith("/") ? element.substring(1) : null);
            }
        } else {
            filters.add(null);
        }
        return filters;
    }

    /** Whether the value at "at" is "n g R", an indirect reference. */
    private static boolean indirect(List<String> tokens, int at) {
        return at + 2 < tokens.size() && tokens.get(at + 2).equals("R");
    }

    /**
     * The predictor a /DecodeParms value (a dictionary, or an array of them, one per filter) names, or null for none
     * or /Predictor 1. A value that is not a number reads as -1, which no predictor decodes.
     */
    private static PdfPredictor predictor(List<String> tokens, int at) {
        long predictor = 1;
        long colors = 1;
        long bitsPerComponent = 8;
        long columns = 1;
        int depth = 0;
        for (int i = at; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("<<") || token.equals("[")) {
                depth++;
            } else if (token.equals(">>") || token.equals("]")) {
                depth--;
            } else if (i + 1 < tokens.size()) {
                long value = number(tokens.get(i + 1));
                switch (token) {
                    case "/Predictor" -> predictor = value;
                    case "/Colors" -> colors = value;
                    case "/BitsPerComponent" -> bitsPerComponent = value;
                    case "/Columns" -> columns = value;
                    default -> {
                    }
                }
            }
            if (depth <= 0) {
                break;
            }
        }
        return predictor == 1 ? null : new PdfPredictor(predictor, colors, bitsPerComponent, columns);
    }

    private static String name(String token) {
        return token.startsWith("/") ? token.substring(1) : "";
    }

    /** A non-negative integer, or -1 for anything else. */
    private static long number(String token) {
        if (token.isEmpty() || token.length() > 18) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(token);
    }
}
