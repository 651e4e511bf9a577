package org.patchlens.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * How a patchlens sheet looks, for {@link XlsxBook}, {@link XlsxTable} and {@link XlsxPage}: the fonts and
 * cell styles of one workbook (one font family, hex in a fixed-width font, the verdict banners) and the conditional
 * colours of severity, status, change and reviewer columns.
 */
final class XlsxStyles {
    /** The styles a cell can have. */
    enum Style {
        HEADER, TEXT, MONO, NUMBER, DATE, LINK, TITLE, HEADING, LABEL, CENTER,
        CENTER_LABEL, CENTER_LINK, BANNER_RED, BANNER_AMBER, BANNER_GREEN
    }

    private static final String SANS = "Arial";
    private static final String MONO_FONT = "Courier New";
    private static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss.000";
    /** Columns a date cell needs ("2001-06-15 12:00:00.000" at 10 pt, with {@link TextFit}'s margin). */
    static final int DATE_WIDTH = 22;

    private final SXSSFWorkbook wb;
    private final Map<Style, CellStyle> styles = new EnumMap<>(Style.class);

    /** Creates the fonts and every style in {@code wb} (in a fixed order: the same workbook gives the same bytes). */
    XlsxStyles(SXSSFWorkbook wb) {
        this.wb = wb;
        // One font family everywhere (Arial: in every Excel, metric-compatible Liberation Sans in LibreOffice).
        Font normal = wb.getFontAt(0);
        normal.setFontName(SANS);
        normal.setFontHeightInPoints((short) 10);
        Font bold = font(SANS, 10, true);
        Font mono = font(MONO_FONT, 10, false);
        Font title = font(SANS, 14, true);
        Font bannerWhite = font(SANS, 14, true);
        ((XSSFFont) bannerWhite).setColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, null));
        Font link = font(SANS, 10, false);
        link.setUnderline(Font.U_SINGLE);
        link.setColor(IndexedColors.BLUE.getIndex());
        short dateFormat = wb.createDataFormat().getFormat(DATE_FORMAT);
        short textFormat = wb.createDataFormat().getFormat("@");
        for (Style s : Style.values()) {
            CellStyle cs = wb.createCellStyle();
            cs.setVerticalAlignment(VerticalAlignment.TOP);
            switch (s) {
                case HEADER -> {
                    cs.setFont(bold);
                    cs.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    cs.setBorderBottom(BorderStyle.THIN);
                    cs.setWrapText(true);
                }
                case TEXT -> {
                    cs.setDataFormat(textFormat);
                    cs.setWrapText(true);
                }
                case MONO -> {
                    cs.setFont(mono);
                    cs.setDataFormat(textFormat);
                    cs.setWrapText(true);
                }
                case DATE -> cs.setDataFormat(dateFormat);
                case LINK -> {
                    cs.setFont(link);
                    cs.setWrapText(true);
                }
                case TITLE -> cs.setFont(title);
                case HEADING -> {
                    cs.setFont(bold);
                    cs.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                case LABEL -> {
                    cs.setFont(bold);
                    cs.setWrapText(true);
                }
                case CENTER -> cs.setAlignment(HorizontalAlignment.CENTER);
                case CENTER_LABEL -> {
                    cs.setFont(bold);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case CENTER_LINK -> {
                    cs.setFont(link);
                    cs.setAlignment(HorizontalAlignment.CENTER);
                }
                case BANNER_RED, BANNER_AMBER, BANNER_GREEN -> {
                    XlsxBook.Tone t = XlsxBook.Tone.valueOf(s.name().substring("BANNER_".length()));
                    cs.setFont(t.whiteText ? bannerWhite : title);
                    ((XSSFCellStyle) cs).setFillForegroundColor(new XSSFColor(t.rgb, null));
                    cs.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    cs.setVerticalAlignment(VerticalAlignment.CENTER);
                    cs.setWrapText(true);
                }
                default -> {
                }
            }
            styles.put(s, cs);
        }
    }

    CellStyle get(Style s) {
        return styles.get(s);
    }

    /** The style of the Summary's first row: a plain title, or the verdict banner in its colour. */
    CellStyle banner(XlsxBook.Tone tone) {
        return styles.get(switch (tone) {
            case RED -> Style.BANNER_RED;
            case AMBER -> Style.BANNER_AMBER;
            case GREEN -> Style.BANNER_GREEN;
            case NONE -> Style.TITLE;
        });
    }

    private Font font(String name, int points, boolean isBold) {
        Font f = wb.createFont();
        f.setFontName(name);
        f.setFontHeightInPoints((short) points);
        f.setBold(isBold);
        return f;
    }

    /** Fill (foreground) and font colours per value, for conditional formatting. */
    record Colour(String value, IndexedColors fill, IndexedColors font, boolean bold) {
    }

    static final List<Colour> SEVERITY_COLOURS = List.of(
            new Colour("CRIT", IndexedColors.DARK_RED, IndexedColors.WHITE, true),
            new Colour("HIGH", IndexedColors.RED, IndexedColors.WHITE, true),
            new Colour("WARN", IndexedColors.LIGHT_ORANGE, IndexedColors.BLACK, false),
            new Colour("INFO", IndexedColors.PALE_BLUE, IndexedColors.BLACK, false));
    /** Only what needs attention is coloured: a PASS, SKIPPED or OK row stays plain. */
    static final List<Colour> STATUS_COLOURS = List.of(
            new Colour("FAIL", IndexedColors.ROSE, IndexedColors.DARK_RED, true),
            new Colour("WARN", IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK, false),
            new Colour("GAP", IndexedColors.ROSE, IndexedColors.DARK_RED, true),
            new Colour("FOREIGN", IndexedColors.ROSE, IndexedColors.DARK_RED, true),
            new Colour("UNREADABLE", IndexedColors.ROSE, IndexedColors.DARK_RED, true));
    static final List<Colour> CHANGE_COLOURS = List.of(
            new Colour("added", IndexedColors.LIGHT_GREEN, IndexedColors.BLACK, false),
            new Colour("removed", IndexedColors.ROSE, IndexedColors.BLACK, false),
            new Colour("changed", IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK, false));
    static final List<Colour> REVIEW_COLOURS = List.of(
            new Colour("Open", IndexedColors.LIGHT_YELLOW, IndexedColors.BLACK, false),
            new Colour("Accepted", IndexedColors.LIGHT_TURQUOISE, IndexedColors.BLACK, false),
            new Colour("Fixed", IndexedColors.LIGHT_GREEN, IndexedColors.BLACK, false),
            new Colour("Not applicable", IndexedColors.GREY_25_PERCENT, IndexedColors.BLACK, false));
    static final List<Colour> DONE_COLOURS = List.of(
            new Colour("Done", IndexedColors.LIGHT_GREEN, IndexedColors.BLACK, false),
            new Colour("Skipped", IndexedColors.GREY_25_PERCENT, IndexedColors.BLACK, false));

    static void colour(Sheet s, CellRangeAddress range, List<Colour> colours) {
        SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
        List<ConditionalFormattingRule> rules = new ArrayList<>();
        for (Colour c : colours) {
            rules.add(style(cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, "\"" + c.value() + "\""), c));
        }
        // Excel allows at most 3 rules per call in the HSSF API; XSSF takes an array of any size.
        cf.addConditionalFormatting(new CellRangeAddress[] {range}, rules.toArray(ConditionalFormattingRule[]::new));
    }

    /**
     * Colours by value only on the rows whose status (column {@code statusCol}) is FAIL or WARN: a passed
     * or skipped CRIT rule is not an alarm. The formula is relative to the range's first cell.
     */
    static void colourWhenFailing(Sheet s, CellRangeAddress range, int statusCol, List<Colour> colours) {
        SheetConditionalFormatting cf = s.getSheetConditionalFormatting();
        int row = range.getFirstRow() + 1;
        String status = "$" + CellReference.convertNumToColString(statusCol) + row;
        String cell = CellReference.convertNumToColString(range.getFirstColumn()) + row;
        List<ConditionalFormattingRule> rules = new ArrayList<>();
        for (Colour c : colours) {
            rules.add(style(cf.createConditionalFormattingRule("AND(OR(" + status + "=\"FAIL\"," + status
                    + "=\"WARN\")," + cell + "=\"" + c.value() + "\")"), c));
        }
        cf.addConditionalFormatting(new CellRangeAddress[] {range}, rules.toArray(ConditionalFormattingRule[]::new));
    }

    static ConditionalFormattingRule style(ConditionalFormattingRule r, Colour c) {
        PatternFormatting p = r.createPatternFormatting();
        p.setFillBackgroundColor(c.fill().getIndex());
        p.setFillPattern(PatternFormatting.SOLID_FOREGROUND);
        var f = r.createFontFormatting();
        f.setFontColorIndex(c.font().getIndex());
        if (c.bold()) {
            f.setFontStyle(false, true);
        }
        return r;
    }
}
