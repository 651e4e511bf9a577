package org.patchlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.patchlens.rules.Rule;

/** KB titles are the domain reference's, never made up; every KB the catalog cites has one. */
class KbArticlesTest {
    static final Path REFERENCE = Path.of("..", "shared", "docs", "exchange-restore.md");

    /** Every title as the reference's KB table (section 6) and its "Also seen" list give it. */
    @Test
    void everyTitleIsTheReferencesOwn() throws Exception {
        assumeTrue(Files.exists(REFERENCE), REFERENCE + " not here (the domain reference is beside the project)");
        String doc = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        Map<String, String> titles = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (Q\\d{6}(?:, Q\\d{6})*) \\| ([^|]+) \\|").matcher(doc);
        while (row.find()) {
            String[] kbs = row.group(1).split(", ");
            String[] ts = kbs.length > 1 ? row.group(2).strip().split("; ") : new String[] {row.group(2).strip()};
            for (int i = 0; i < kbs.length && i < ts.length; i++) {
                titles.put(kbs[i], ts[i].strip());
            }
        }
        Matcher seen = Pattern.compile("(Q\\d{6}) \"([^\"]+)\"").matcher(doc.substring(doc.indexOf("Also seen, titles only")));
        while (seen.find()) {
            titles.putIfAbsent(seen.group(1), seen.group(2));
        }
        assertTrue(titles.size() > 50, "the reference's table was read: " + titles.size());
        KbArticles.all().forEach((kb, title) -> assertEquals(titles.get(kb), title, kb));
        titles.forEach((kb, title) -> {
            if (!title.contains("…")) {
                assertTrue(KbArticles.known(kb), kb + " " + title);
            }
        });
    }

    @Test
    void everyKbOfTheCatalogHasItsTitle() {
        for (Rule r : Rule.values()) {
            for (String kb : r.kb()) {
                assertTrue(KbArticles.known(kb), r.id() + " cites " + kb);
            }
            for (String kb : KbArticles.in(r.remedy())) {
                assertTrue(KbArticles.known(kb), r.id() + "'s remedy cites " + kb);
            }
        }
    }

    @Test
    void anUnknownKbIsItsNumberOnly() {
        assertFalse(KbArticles.known("Q999999"));
        assertEquals("Q999999", KbArticles.title("Q999999"), "never a made-up title");
        assertEquals("https://www.betaarchive.com/wiki/index.php?title=Microsoft_KB_Archive/999999",
                KbArticles.url("Q999999"));
        assertEquals(List.of("Q288562", "Q188674", "Q238063"), KbArticles.in(
                "(KB Q288562); or (2) … (KB Q188674, Q238063), not XQ1234567 nor Q12345"));
    }
}
