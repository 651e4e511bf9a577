package org.patchlens.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One text for the remedies of several findings of one rule that say the same thing about different
 * objects: CLU-08's remedy for the private store names checkpoint 00000002.CPT and {@code ParametersPrivate},
 * the one for the public store 00000003.CPT and {@code ParametersPublic}; the step reads "… the checkpoint
 * 00000002.CPT and 00000003.CPT: value-changed …\ParametersPrivate and …\ParametersPublic : Store GUID …",
 * so the action is given once and names every object.
 *
 * <p>The texts are compared word by word (a longest common subsequence against the first); where they
 * differ, the differing words of each are joined with "and". Texts are merged only when they are clearly
 * the same sentence: at least {@value #MIN_COMMON_PERCENT}% of each text's words in common, at most
 * {@value #MAX_PLACES} places that differ, no place where one text has words and another none, and no
 * difference inside a back-quoted command (a command is never made up of two). Otherwise
 * {@link #merge} returns null and each remedy stays its own step.
 */
final class RemedyMerge {
    static final int MIN_COMMON_PERCENT = 75;
    static final int MAX_PLACES = 6;
    /** The largest word-by-word comparison made (tokens of one text times tokens of another). */
    private static final long MAX_CELLS = 1_000_000;

    private RemedyMerge() {
    }

    /** The merged text, or null when the texts are not the same sentence about different objects. */
    static String merge(List<String> texts) {
        if (texts.isEmpty()) {
            return null;
        }
        if (texts.size() == 1) {
            return texts.get(0);
        }
        List<List<String>> tokens = texts.stream().map(RemedyMerge::tokens).toList();
        List<String> base = tokens.get(0);
        int n = base.size();
        for (List<String> t : tokens) {
            if ((long) n * t.size() > MAX_CELLS) {
                return null; // a remedy listing thousands of values: each stays its own step
            }
        }
        // anchor[j]: token j of the first text is matched in every other text; at[i][j]: where, in text i
        boolean[] anchor = new boolean[n];
        java.util.Arrays.fill(anchor, true);
        int[][] at = new int[tokens.size()][];
        for (int i = 1; i < tokens.size(); i++) {
            at[i] = lcs(base, tokens.get(i));
            for (int j = 0; j < n; j++) {
                anchor[j] &= at[i][j] >= 0;
            }
        }
        // anchors must be matched in order in every text (they are: each alignment is monotone)
        for (int i = 0; i < tokens.size(); i++) {
            int words = 0;
            int common = 0;
            for (int j = 0; j < (i == 0 ? n : tokens.get(i).size()); j++) {
                if (!tokens.get(i).get(j).isBlank()) {
                    words++;
                }
            }
            for (int j = 0; j < n; j++) {
                if (anchor[j] && !base.get(j).isBlank()) {
                    common++;
                }
            }
            if (words == 0 || common * 100 < MIN_COMMON_PERCENT * words) {
                return null;
            }
        }
        StringBuilder out = new StringBuilder();
        int[] from = new int[tokens.size()]; // next unconsumed token of each text
        int places = 0;
        boolean inCommand = false;
        for (int j = 0; j <= n; j++) {
            if (j < n && !anchor[j]) {
                continue;
            }
            // the tokens of each text before this anchor (or the end)
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                int to = j == n ? tokens.get(i).size() : i == 0 ? j : at[i][j];
                variants.add(String.join("", tokens.get(i).subList(from[i], to)));
                from[i] = to + 1;
            }
            if (!variants.stream().allMatch(v -> v.equals(variants.get(0)))) {
                places++;
                if (places > MAX_PLACES || inCommand || variants.stream().anyMatch(v -> v.isBlank() || v.contains("`"))) {
                    return null;
                }
                out.append(joined(variants));
            } else {
                out.append(variants.get(0));
                inCommand ^= count(variants.get(0), '`') % 2 == 1;
            }
            if (j < n) {
                out.append(base.get(j));
                inCommand ^= count(base.get(j), '`') % 2 == 1;
            }
        }
        return places == 0 ? texts.get(0) : out.toString();
    }

    /** "A and B", "A, B and C" of the distinct variants, each trimmed, the outer spaces of the first kept. */
    private static String joined(List<String> variants) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : variants) {
            distinct.add(v.strip());
        }
        List<String> d = new ArrayList<>(distinct);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.size(); i++) {
            sb.append(i == 0 ? "" : i == d.size() - 1 ? " and " : ", ").append(d.get(i));
        }
        String first = variants.get(0);
        String lead = first.substring(0, first.length() - first.stripLeading().length());
        String trail = first.substring(first.stripTrailing().length());
        return lead + sb + trail;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Words, runs of spaces and the punctuation that ends a word (": ; , . )") as tokens; joined they are the text. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            if (Character.isWhitespace(s.charAt(i))) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(start, i));
                continue;
            }
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start + 1 && ":;,.)".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(s.substring(start, end));
            if (end < i) {
                out.add(s.substring(end, i));
            }
        }
        return out;
    }

    /** For each token of {@code a}, its index in {@code b} in a longest common subsequence, or -1. */
    private static int[] lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int[] at = new int[n];
        java.util.Arrays.fill(at, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                at[i++] = j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return at;
    }
}
