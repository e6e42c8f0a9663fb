using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// The one normaliser: finds the six sections, the three tables and the metadata in a
/// <see cref="SourceDocument"/> from any reader and builds the canonical <see cref="Report"/>.
/// Rows are found by the catalogue's label phrases in table order; the numbers are the value
/// cells that follow a row's label (on its line, or on the next lines when a row wraps).
/// Blanks stay blank, placeholders stay non-numeric: nothing is coerced to 0.
/// </summary>
public static partial class ReportNormaliser
{
    /// <summary>More cells than any table row has (table 4's fifteen aside, which has no label).</summary>
    private const int MaxRowCells = 10;

    /// <summary>How many lines from the top are searched for the title.</summary>
    public const int TitleSearchLines = 40;

    /// <summary>
    /// The report read from <paramref name="document"/>, rules not evaluated (the pipeline's last
    /// stage, <see cref="ReportImportPipeline.Normalise"/>). <paramref name="previousYear"/>, when
    /// given, settles the cells a flattened table's digits leave ambiguous where it allows one reading.
    /// A document without any table gives a report with the <c>SOURCE.not-report</c> refusal.
    /// </summary>
    internal static Report Normalise(SourceDocument document, FormatCatalogue catalogue, Report? previousYear)
    {
        var cat = catalogue;
        var doc = new Doc(document);
        var (agency, year, title) = FindTitle(doc);
        agency ??= FindPublisher(doc);
        var headings = FindHeadings(doc, cat);

        var format = cat.FormatForYear(year).Id;
        var builder = new ReportBuilder(format, cat) { Agency = agency, Year = year, Title = title, SourceName = document.Name };
        foreach (var d in document.Diagnostics)
        {
            builder.Add(d);
        }

        var t2 = Region(doc, headings, 2);
        var t3 = Region(doc, headings, 3);
        var t4 = Region(doc, headings, 4);

        var layout2 = ChooseLayout(doc, t2, cat.Layouts.Where(l => l.Table == "table2"), cat.LayoutFor(format, "table2"));
        var layout3 = doc.RegionContains(t3, "逾期不补正") || doc.RegionContains(t3, "收费通知")
            ? cat.Layout("table3-2021")
            : doc.RegionContains(t3, "其他处理") ? cat.Layout("table3-2019") : cat.LayoutFor(format, "table3");
        builder.Format = layout2.Format;
        builder.UseLayout(layout2.Id).UseLayout(layout3.Id);

        var found = ReadRows(doc, t2, layout2, builder) + ReadRows(doc, t3, layout3, builder) + ReadTable4(doc, t4, cat.Layout("table4"), builder);
        ImportBudget.ThrowIfOutOfTime();

        if (found == 0 && Flattened.FlattenedTableReader.ReadStream(document, previousYear, cat) is { } flattened)
        {
            return flattened with { Agency = agency, Year = year, Title = title, SourceName = document.Name };
        }

        if (found == 0)
        {
            return builder.Add(DiagnosticCodes.Create(
                DiagnosticCodes.SourceNotReport,
                document.Lines.IsEmpty ? "文件没有可读的文本内容" : "未识别出政府信息公开工作年度报告的表格（表二至表四均未找到）",
                new SourceLocation(document.Name))).Build();
        }

        if (agency is null)
        {
            builder.Add(DiagnosticCodes.Create(DiagnosticCodes.MetaAgency, "未能从标题识别报告机关", new SourceLocation(document.Name)));
        }

        if (year is null)
        {
            builder.Add(DiagnosticCodes.Create(DiagnosticCodes.MetaYear, "未能从标题或正文识别报告年度", new SourceLocation(document.Name)));
        }

        AddSections(doc, headings, cat, builder);
        var report = builder.Build();
        return found < 3 || MissingCells(report, cat) > 0 ? TryFlattened(document, report, cat, previousYear, doc.ShortRows) : report;
    }

    private static int MissingCells(Report report, FormatCatalogue cat) =>
        report.TableLayouts(cat).SelectMany(l => l.Cells()).Count(c => report[c].State == CellState.Missing);

    /// <summary>
    /// When rows were found without separated numbers, the tables may have been flattened by a
    /// scraper (<c>…申请数量1230000015</c>): read them again with the constraint solver and keep
    /// that reading if it finds more cells.
    /// </summary>
    private static Report TryFlattened(SourceDocument document, Report report, FormatCatalogue cat, Report? previousYear, HashSet<string> shortRows)
    {
        var flat = Flattened.FlattenedTableReader.ReadStream(document, previousYear, cat);
        if (flat is null)
        {
            return report;
        }

        if (MissingCells(flat, cat) < MissingCells(report, cat) && (flat.Format != report.Format || !SameLayouts(flat, report)))
        {
            return report with
            {
                Format = flat.Format,
                Layouts = flat.Layouts,
                Cells = flat.Cells,
                Diagnostics = report.Diagnostics.Where(d => d.Code != DiagnosticCodes.SourceNotReport).Concat(flat.Diagnostics).ToImmutableArray(),
            };
        }

        if (!SameLayouts(flat, report))
        {
            return report;
        }

        // Row by row: a row the line reading left incomplete is taken from the stream reading when
        // that reading has all of it (a row broken over lines, labels apart from their numbers).
        var cells = report.Cells.ToBuilder();
        var taken = new List<string>();
        foreach (var layout in report.TableLayouts(cat))
        {
            foreach (var row in layout.Rows)
            {
                var refs = Enumerable.Range(0, row.Columns.Length).Select(c => new CellRef(layout.Table, row.Key, c)).ToArray();
                if (refs.Any(r => report[r].State == CellState.Missing) && refs.All(r => flat[r].State != CellState.Missing)
                    && !shortRows.Contains($"{layout.Table}/{row.Key}"))
                {
                    foreach (var r in refs)
                    {
                        cells[r] = flat[r];
                    }

                    taken.Add(row.Key);
                }
            }
        }

        if (taken.Count == 0)
        {
            return report;
        }

        var rows = taken.ToHashSet(StringComparer.Ordinal);
        var diagnostics = report.Diagnostics
            .Where(d => d.Code != DiagnosticCodes.SourceNotReport && !(d.Code == DiagnosticCodes.CellMissing && d.Cells.Any(c => rows.Contains(c.Row))))
            .Concat(flat.Diagnostics.Where(d => d.Cells.IsDefaultOrEmpty || d.Cells.Any(c => rows.Contains(c.Row))));
        return report with { Cells = cells.ToImmutable(), Diagnostics = [.. diagnostics] };
    }

    private static bool SameLayouts(Report a, Report b) =>
        a.Layouts.Count == b.Layouts.Count && a.Layouts.All(kv => b.Layouts.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private enum Kind
    {
        Text,
        Empty,
        Number,
        NonNumeric,
    }

    private sealed record Frag(Fragment Source, int Line, int Index, string Norm, Kind Kind, decimal? Value)
    {
        public bool IsValue => Kind is Kind.Number or Kind.NonNumeric;
    }

    private sealed class Doc
    {
        public Doc(SourceDocument source)
        {
            Source = source;
            Lines = source.Lines.Select((line, i) => line.Cells.Select((f, j) => Classify(f, i, j)).ToArray()).ToArray();
            LineNorm = Lines.Select(l => string.Concat(l.Where(f => f.Kind == Kind.Text).Select(f => f.Norm))).ToArray();
            SpaceSeparated = source.Lines.Select(l => l.SpaceSeparated).ToArray();
        }

        /// <summary>Per line, <see cref="SourceLine.SpaceSeparated"/>.</summary>
        public bool[] SpaceSeparated { get; }

        /// <summary>
        /// Rows (<c>table/row</c>) found on a space-separated line with fewer numbers than cells and
        /// nothing after them: which cell is blank cannot be told, so the row is left unread.
        /// </summary>
        public HashSet<string> ShortRows { get; } = new(StringComparer.Ordinal);

        public SourceDocument Source { get; }

        public Frag[][] Lines { get; }

        public string[] LineNorm { get; }

        /// <summary>Whether the region's text holds <paramref name="phrase"/>, also when a line break cuts it.</summary>
        public bool RegionContains((int Start, int End) region, string phrase)
        {
            for (var i = region.Start; i < region.End; i++)
            {
                if (LineNorm[i].Contains(phrase, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return region.End > region.Start
                && string.Concat(LineNorm.AsSpan(region.Start, region.End - region.Start).ToArray()).Contains(phrase, StringComparison.Ordinal);
        }
    }

    private static Frag Classify(Fragment fragment, int line, int index)
    {
        var text = fragment.Text.Trim();
        if (text.Length == 0)
        {
            return new Frag(fragment, line, index, string.Empty, Kind.Empty, null);
        }

        var folded = LabelText.FoldWidth(text);
        if (folded.Contains(',', StringComparison.Ordinal) || folded.Contains('−', StringComparison.Ordinal))
        {
            folded = folded.Replace(",", string.Empty, StringComparison.Ordinal).Replace('−', '-').Trim();
        }
        if (NumberPattern().IsMatch(folded) && decimal.TryParse(folded, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new Frag(fragment, line, index, folded, Kind.Number, value);
        }

        if (NumberWithUnitPattern().Match(folded) is { Success: true } unit
            && decimal.TryParse(unit.Groups["n"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var counted))
        {
            // A count or an amount printed with the unit of its column ("35件", "12.5万元"): the
            // number, with the printed text kept as the cell's raw text.
            return new Frag(fragment, line, index, unit.Groups["n"].Value, Kind.Number, counted);
        }

        if (PlaceholderPattern().IsMatch(folded) || NumberWithOtherUnitPattern().IsMatch(folded))
        {
            return new Frag(fragment, line, index, folded, Kind.NonNumeric, null);
        }

        return new Frag(fragment, line, index, LabelText.Normalize(text), Kind.Text, null);
    }

    [GeneratedRegex(@"^[+\-]?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([/\\／\-－—–_＿~～×xX*]+|无|空|暂无|不适用|NA|N/A|null)$")]
    private static partial Regex PlaceholderPattern();

    /// <summary>A number followed by a unit that a count or a 万元 amount is printed with.</summary>
    [GeneratedRegex(@"^(?<n>[+\-]?\d+(\.\d+)?)\s*(万元|件|个|条|项|次|宗|笔|人次|家|户|份)$")]
    private static partial Regex NumberWithUnitPattern();

    /// <summary>A number in another unit than its column's (<c>251000元</c> under 万元, a percentage): kept as text.</summary>
    [GeneratedRegex(@"^[+\-]?\d+(\.\d+)?\s*(元|%|％)$")]
    private static partial Regex NumberWithOtherUnitPattern();

    // ---- title, agency and year ----------------------------------------------------------------

    [GeneratedRegex(@"(?<year>(19|20)\d{2})年度?的?(政府信息公开|政务公开|信息公开)")]
    private static partial Regex TitleYearPattern();

    [GeneratedRegex(@"统计期限?(为|是)?(自|从)?(?<year>(19|20)\d{2})年0?1月0?1日")]
    private static partial Regex PeriodPattern();

    /// <summary>Words of the title that stand between the agency and the year (<c>…局关于2023年…</c>).</summary>
    [GeneratedRegex(@"(关于|的|之)$")]
    private static partial Regex AgencyTail();

    [GeneratedRegex(@"^(#+|(标题|题目|名称|信息名称|文章标题)[:：]?)")]
    private static partial Regex TitlePrefix();

    private static (string? Agency, int? Year, string? Title) FindTitle(Doc doc)
    {
        var limit = Math.Min(doc.Lines.Length, TitleSearchLines);
        for (var i = 0; i < limit; i++)
        {
            foreach (var frag in doc.Lines[i])
            {
                var compact = Compact(frag.Source.Text);
                if (!compact.Contains("报告", StringComparison.Ordinal) && WrappedTitleTail(doc, i, frag) is { } tail)
                {
                    // A title wrapped before its last characters (…工作年度 / 报告).
                    compact += tail;
                }

                var collapsed = compact.Length > 80;
                if (collapsed)
                {
                    // A page collapsed into one line starts with its title: read the head only.
                    compact = compact[..80];
                }

                if (!LabelText.ToSimplified(compact).Contains("报告", StringComparison.Ordinal))
                {
                    continue;
                }

                var m = TitleYearPattern().Match(LabelText.ToSimplified(compact));
                if (!m.Success || (collapsed && (m.Index > 40 || compact[..m.Index].Contains('。', StringComparison.Ordinal))))
                {
                    continue;
                }

                var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                var agency = AgencyTail().Replace(TitlePrefix().Replace(compact[..m.Index], string.Empty).Trim('：', ':', ' ', '《', '“'), string.Empty);
                if (agency.Length == 0 && i > 0)
                {
                    // The agency printed on the line above the year (a two-line title).
                    var above = doc.Lines[i - 1].Where(f => f.Kind == Kind.Text).Select(f => Compact(f.Source.Text)).LastOrDefault();
                    if (above is { Length: > 1 and < 40 } && !above.Contains("报告", StringComparison.Ordinal))
                    {
                        agency = above;
                    }
                }

                var end = LabelText.ToSimplified(compact).IndexOf("报告", StringComparison.Ordinal);
                var title = end >= 0 ? compact[..(end + 2)] : compact;
                return (agency.Length is > 1 and < 40 ? agency : null, year, TitlePrefix().Replace(title, string.Empty));
            }
        }

        for (var i = 0; i < doc.Lines.Length; i++)
        {
            var m = PeriodPattern().Match(Compact(doc.Source.Lines[i].Text));
            if (m.Success)
            {
                return (null, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), null);
            }
        }

        return (null, null, null);
    }

    /// <summary>
    /// The next line's text when <paramref name="frag"/> is the last cell of its line and the next line
    /// is a short tail that completes a title (<c>报告</c>); else null.
    /// </summary>
    private static string? WrappedTitleTail(Doc doc, int line, Frag frag)
    {
        if (frag.Index != doc.Lines[line].Length - 1 || line + 1 >= doc.Lines.Length || doc.Lines[line + 1].Length != 1)
        {
            return null;
        }

        var next = Compact(doc.Lines[line + 1][0].Source.Text);
        return next.Length is > 0 and <= 6 && next.EndsWith("报告", StringComparison.Ordinal) ? next : null;
    }

    /// <summary>The 发布机构 of a portal page's metadata block, when the title does not name the agency.</summary>
    private static string? FindPublisher(Doc doc)
    {
        var limit = Math.Min(doc.Lines.Length, TitleSearchLines);
        for (var i = 0; i < limit; i++)
        {
            var frags = doc.Lines[i];
            for (var j = 0; j < frags.Length; j++)
            {
                var compact = Compact(frags[j].Source.Text);
                foreach (var key in s_publisherKeys)
                {
                    if (!compact.StartsWith(key, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var value = compact[key.Length..].TrimStart(':', '：');
                    if (value.Length == 0 && j + 1 < frags.Length)
                    {
                        value = Compact(frags[j + 1].Source.Text);
                    }

                    return value.Length is > 1 and < 40 ? value : null;
                }
            }
        }

        return null;
    }

    private static readonly string[] s_publisherKeys = ["发布机构", "发文机关", "发布单位", "信息来源"];

    private static string Compact(string text) =>
        WhitespacePattern().Replace(LabelText.FoldWidth(text), string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    // ---- sections ------------------------------------------------------------------------------

    private static readonly string[] s_numerals = ["一", "二", "三", "四", "五", "六"];

    private static int[] FindHeadings(Doc doc, FormatCatalogue cat)
    {
        var headings = Enumerable.Repeat(-1, 7).ToArray();
        var from = 0;
        foreach (var section in cat.Sections)
        {
            for (var i = from; i < doc.Lines.Length; i++)
            {
                var norm = doc.LineNorm[i];
                if (norm.Length == 0 || norm.Length > 40 || doc.Lines[i].Any(f => f.Kind == Kind.Number))
                {
                    continue;
                }

                var numbered = norm.StartsWith(s_numerals[section.Number - 1], StringComparison.Ordinal);
                if (section.Match.Any(m => norm.Contains(m, StringComparison.Ordinal) && (numbered || norm.Length <= m.Length + 2)))
                {
                    headings[section.Number] = i;
                    from = i + 1;
                    break;
                }
            }
        }

        return headings;
    }

    private static (int Start, int End) Region(Doc doc, int[] headings, int section)
    {
        var start = headings[section] >= 0 ? headings[section] + 1 : Math.Max(0, Enumerable.Range(1, section - 1).Select(s => headings[s]).DefaultIfEmpty(-1).Max() + 1);
        var end = doc.Lines.Length;
        for (var s = section + 1; s <= 6; s++)
        {
            if (headings[s] > start)
            {
                end = headings[s];
                break;
            }
        }

        return (start, end);
    }

    private static void AddSections(Doc doc, int[] headings, FormatCatalogue cat, ReportBuilder builder)
    {
        foreach (var section in cat.Sections)
        {
            var h = headings[section.Number];
            if (h < 0)
            {
                continue;
            }

            var (start, end) = Region(doc, headings, section.Number);
            var text = section.Number is 2 or 3 or 4
                ? string.Empty
                : string.Join('\n', doc.Source.Lines.Skip(start).Take(end - start).Select(l => l.Text.Trim()));
            builder.AddSection(new ReportSection(section.Number, doc.Source.Lines[h].Text.Trim(), text, doc.Source.Lines[h].Cells[0].Location));
        }
    }

    // ---- tables --------------------------------------------------------------------------------

    private static TableLayout ChooseLayout(Doc doc, (int Start, int End) region, IEnumerable<TableLayout> candidates, TableLayout fallback)
    {
        var best = fallback;
        var bestScore = 0;
        foreach (var layout in candidates)
        {
            var score = layout.Signals.Count(s => doc.RegionContains(region, s));
            if (score > bestScore)
            {
                best = layout;
                bestScore = score;
            }
        }

        return best;
    }

    private static bool Matches(RowDef row, string norm) =>
        norm.Length > 0
        && row.Match.Any(m => row.Exact ? norm.EndsWith(m, StringComparison.Ordinal) && norm.Length <= m.Length + 4 : norm.Contains(m, StringComparison.Ordinal))
        && !row.Exclude.Any(x => norm.Contains(x, StringComparison.Ordinal));

    /// <summary>
    /// Whether a label wrapped from <paramref name="head"/> onto <paramref name="tail"/> matches
    /// <paramref name="row"/>: the phrase must start in the head (a caption line followed by the
    /// row's own label is not that row).
    /// </summary>
    private static bool MatchesAcross(RowDef row, string head, string tail)
    {
        if (head.Length == 0 || tail.Length == 0)
        {
            return false;
        }

        var joined = head + tail;
        if (row.Exact)
        {
            return Matches(row, joined) && row.Match.Any(m => joined.Length - m.Length < head.Length);
        }

        return !row.Exclude.Any(x => joined.Contains(x, StringComparison.Ordinal))
            && row.Match.Any(m => joined.IndexOf(m, StringComparison.Ordinal) is >= 0 and var at && at < head.Length && at + m.Length > head.Length);
    }

    /// <summary>Reads the rows of <paramref name="layout"/> in order; returns how many rows were found.</summary>
    private static int ReadRows(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder)
    {
        if (ReadDetached(doc, region, layout, builder) is > 0 and var detached)
        {
            return detached;
        }

        var found = 0;
        var line = region.Start;
        var index = 0;
        for (var r = 0; r < layout.Rows.Length; r++)
        {
            var row = layout.Rows[r];
            var label = FindLabel(doc, region, line, index, row);
            if (label is null)
            {
                var where = region.Start > 0 && region.Start - 1 < doc.Lines.Length && doc.Lines[region.Start - 1].Length > 0
                    ? doc.Lines[region.Start - 1][0].Source.Location
                    : new SourceLocation(doc.Source.Name);
                for (var c = 0; c < row.Columns.Length; c++)
                {
                    builder.Set(new CellRef(layout.Table, row.Key, c), Cell.Missing with { Source = where });
                }

                continue;
            }

            found++;
            var later = layout.Rows.Skip(r + 1).ToArray();
            var (values, endLine, endIndex) = CollectValues(doc, region, label, row.Columns.Length, later);
            if (values.Count < row.Columns.Length && values.Count > 0 && doc.SpaceSeparated[label.Line] && values.All(v => v.Line == label.Line))
            {
                // Fewer numbers than cells on a line cut at spaces only: a blank cell left no trace,
                // so which one it was is unknown; leave the row unread rather than shift its numbers.
                doc.ShortRows.Add($"{layout.Table}/{row.Key}");
                values.Clear();
            }

            for (var c = 0; c < row.Columns.Length; c++)
            {
                var cellRef = new CellRef(layout.Table, row.Key, c);
                builder.Set(cellRef, c < values.Count ? ToCell(values[c]) : Cell.Missing with { Source = label.Source.Location });
            }

            (line, index) = (endLine, endIndex);
        }

        return found;
    }

    /// <summary>
    /// A converter's table whose labels stand apart from their numbers: every row label on a line
    /// without values, then a block of lines of values only, one per found row and as wide as the
    /// row. The value lines are the rows' cells in label order. Returns the rows read, or 0 when the
    /// table is not laid out so.
    /// </summary>
    private static int ReadDetached(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder)
    {
        var labels = new List<(RowDef Row, Frag Label)>();
        var (line, index) = (region.Start, 0);
        foreach (var row in layout.Rows)
        {
            if (FindLabel(doc, region, line, index, row) is not { } label)
            {
                continue;
            }

            if (doc.Lines[label.Line].Any(f => f.IsValue))
            {
                return 0;
            }

            labels.Add((row, label));
            (line, index) = (label.Line, label.Index + 1);
        }

        if (labels.Count < 2)
        {
            return 0;
        }

        var valueLines = new List<Frag[]>(labels.Count);
        for (var i = labels[^1].Label.Line + 1; i < region.End && valueLines.Count < labels.Count; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text))
            {
                if (valueLines.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (frags.Any(f => f.IsValue))
            {
                valueLines.Add(frags);
            }
        }

        if (valueLines.Count != labels.Count || valueLines.Select((v, k) => v.Length == labels[k].Row.Columns.Length).Any(ok => !ok))
        {
            return 0;
        }

        for (var k = 0; k < labels.Count; k++)
        {
            var row = labels[k].Row;
            for (var c = 0; c < row.Columns.Length; c++)
            {
                builder.Set(new CellRef(layout.Table, row.Key, c), ToCell(valueLines[k][c]));
            }
        }

        foreach (var row in layout.Rows.Where(r => labels.All(l => l.Row != r)))
        {
            for (var c = 0; c < row.Columns.Length; c++)
            {
                builder.Set(new CellRef(layout.Table, row.Key, c), Cell.Missing with { Source = labels[0].Label.Source.Location });
            }
        }

        return labels.Count;
    }

    private static Frag? FindLabel(Doc doc, (int Start, int End) region, int line, int index, RowDef row)
    {
        for (var i = line; i < region.End; i++)
        {
            var frags = doc.Lines[i];
            for (var j = i == line ? index : 0; j < frags.Length; j++)
            {
                if (frags[j].Kind != Kind.Text)
                {
                    continue;
                }

                if (Matches(row, frags[j].Norm) || MatchesAcross(row, frags[j].Norm, NextText(doc, region, i, j)))
                {
                    return frags[j];
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the next line holds this row's values: it starts with values, or with the tail of a
    /// label split over two rows (text that is no later row's label) followed by values.
    /// </summary>
    /// <remarks>
    /// When the label's line already has as many (empty) cells as the row (<paramref name="complete"/>),
    /// only a label tail followed by values continues it: a bare number on the next line is then not
    /// this row's (a page number, the next block), and the row's cells were left blank.
    /// </remarks>
    private static bool NextLineHasValues(Doc doc, (int Start, int End) region, int line, RowDef[] later, bool complete)
    {
        if (line + 1 >= region.End || doc.Lines[line + 1].Length == 0)
        {
            return false;
        }

        var next = doc.Lines[line + 1].SkipWhile(f => f.Kind == Kind.Empty).ToList();
        if (next.Count == 0)
        {
            return false;
        }

        if (next[0].IsValue)
        {
            return !complete;
        }

        return next[0].Kind == Kind.Text
            && !later.Any(r => Matches(r, next[0].Norm))
            && next.Skip(1).SkipWhile(f => f.Kind == Kind.Empty).FirstOrDefault()?.IsValue == true;
    }

    /// <summary>The text that continues a label wrapped onto the next cell or line (up to two more lines).</summary>
    private static string NextText(Doc doc, (int Start, int End) region, int line, int index)
    {
        var sb = new StringBuilder();
        var frags = doc.Lines[line];
        // The empty cells a label head leaves before the row's end (a row has at most a few; bounded,
        // so a line of thousands of fragments stays linear).
        for (var k = index + 1; k < frags.Length && k <= index + MaxRowCells; k++)
        {
            if (frags[k].Kind != Kind.Empty)
            {
                return frags[k].Kind == Kind.Text ? frags[k].Norm : string.Empty;
            }
        }

        if (frags.Length - index - 1 > MaxRowCells)
        {
            return string.Empty;
        }

        for (var i = line + 1; i < region.End && i <= line + 2; i++)
        {
            var first = doc.Lines[i].FirstOrDefault(f => f.Kind != Kind.Empty);
            if (first is null || first.Kind != Kind.Text)
            {
                break;
            }

            sb.Append(first.Norm);
            if (doc.Lines[i].Any(f => f.IsValue))
            {
                break;
            }
        }

        return sb.ToString();
    }

    private static (List<Frag> Values, int Line, int Index) CollectValues(Doc doc, (int Start, int End) region, Frag label, int needed, RowDef[] later)
    {
        var values = new List<Frag>(needed);
        var same = doc.Lines[label.Line].Skip(label.Index + 1).ToList();
        var endLine = label.Line;
        var endIndex = label.Index + 1;
        if (same.Count > 0 && same.Count < needed && same.All(f => f.Kind == Kind.Empty)
            && Continuation(doc, region, label.Line, needed - same.Count) is { } tail)
        {
            // Fewer empty cells than the row has, and the lines after hold exactly the rest: the
            // row's cells broken over lines (empty ones are blanks).
            values.AddRange(same);
            values.AddRange(tail);
            return (values, tail[^1].Line, tail[^1].Index + 1);
        }

        if (same.Any(f => f.IsValue))
        {
            // Cells on the label's own line: trim the empty cells that merged label columns and
            // trailing separators leave, then read the row's cells in order (an empty one is blank).
            var cells = same.SkipWhile(f => f.Kind == Kind.Text).ToList();
            var afterText = cells.FindIndex(f => f.Kind == Kind.Text);
            if (afterText >= 0)
            {
                cells = cells.Take(afterText).ToList();
            }

            while (cells.Count > needed && cells[0].Kind == Kind.Empty)
            {
                cells.RemoveAt(0);
            }

            while (cells.Count > needed && cells[^1].Kind == Kind.Empty)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (cells.Count > needed && cells.Count(f => f.IsValue) <= needed)
            {
                cells = cells.Where(f => f.IsValue).ToList();
            }

            if (cells.Count < needed && Continuation(doc, region, label.Line, needed - cells.Count) is { } rest)
            {
                // The row's cells broken over lines, exactly as many as the row has: empty ones are blanks.
                values.AddRange(cells);
                values.AddRange(rest);
                return (values, rest[^1].Line, rest[^1].Index + 1);
            }

            if (cells.Count < needed)
            {
                // The row continues on the next lines: empty cells here are layout, not blanks.
                cells = cells.Where(f => f.IsValue).ToList();
            }

            values.AddRange(cells.Take(needed));
            endIndex = values.Count > 0 ? values[^1].Index + 1 : endIndex;
        }

        else if (same.Count > 0 && same.All(f => f.Kind == Kind.Empty) && !NextLineHasValues(doc, region, label.Line, later, complete: same.Count >= needed))
        {
            // The label followed by empty cells only, and the next line is not this row's numbers:
            // the cells were left blank.
            values.AddRange(same.Take(needed));
            return (values, label.Line, label.Index + values.Count + 1);
        }

        for (var i = label.Line + 1; i < region.End && values.Count < needed; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text && later.Any(r => Matches(r, f.Norm))))
            {
                break;
            }

            var lineValues = frags.Where(f => f.IsValue).ToList();
            if (lineValues.Count == 0)
            {
                if (values.Count > 0 && frags.Any(f => f.Kind == Kind.Text))
                {
                    break;
                }

                continue;
            }

            if (values.Count > 0 && frags.Any(f => f.Kind == Kind.Text))
            {
                break;
            }

            // A line of cells that is exactly as wide as what is missing keeps its empty cells as blanks.
            var row = frags.SkipWhile(f => f.Kind == Kind.Text).ToList();
            var take = row.Count == needed - values.Count ? row : lineValues;
            foreach (var f in take)
            {
                if (values.Count == needed)
                {
                    break;
                }

                values.Add(f);
                endLine = i;
                endIndex = f.Index + 1;
            }
        }

        return (values, endLine, endIndex);
    }

    /// <summary>
    /// The cells of the lines after <paramref name="line"/> that hold no text, when they are exactly
    /// <paramref name="count"/> (the rest of a row broken over lines); else null.
    /// </summary>
    private static List<Frag>? Continuation(Doc doc, (int Start, int End) region, int line, int count)
    {
        var rest = new List<Frag>(count);
        for (var i = line + 1; i < region.End && rest.Count < count; i++)
        {
            var frags = doc.Lines[i];
            if (frags.Any(f => f.Kind == Kind.Text) || frags.Length == 0)
            {
                return null;
            }

            rest.AddRange(frags);
        }

        return rest.Count == count ? rest : null;
    }

    private static Cell ToCell(Frag frag) => frag.Kind switch
    {
        Kind.Number => Cell.Of(frag.Value!.Value, frag.Source.Location, frag.Source.Text.Trim()),
        Kind.NonNumeric => Cell.NonNumeric(frag.Source.Text.Trim(), frag.Source.Location),
        _ => Cell.Blank(frag.Source.Location),
    };

    /// <summary>Table 4: fifteen cells in one row under a two-line header (no row labels).</summary>
    private static int ReadTable4(Doc doc, (int Start, int End) region, TableLayout layout, ReportBuilder builder)
    {
        const int width = 15;
        var anchor = -1;
        for (var i = region.Start; i < region.End && anchor < 0; i++)
        {
            if (doc.LineNorm[i].Contains("行政复议", StringComparison.Ordinal) || doc.LineNorm[i].Contains("结果维持", StringComparison.Ordinal))
            {
                anchor = i;
            }
        }

        if (anchor < 0)
        {
            return 0;
        }

        // Runs of consecutive lines of cells (a row broken over lines is one run; text ends a run).
        var runs = new List<List<Frag[]>>();
        List<Frag[]>? run = null;
        for (var i = anchor; i < region.End; i++)
        {
            var frags = doc.Lines[i];
            var cells = frags.SkipWhile(f => f.Kind == Kind.Text).ToArray();
            var valueLine = cells.Any(f => f.IsValue) && !cells.Any(f => f.Kind == Kind.Text);
            if (valueLine && cells.Length < frags.Length)
            {
                run = null;
            }

            if (valueLine || (run is not null && frags.Length > 0 && frags.All(f => f.Kind == Kind.Empty)))
            {
                if (run is null)
                {
                    run = [];
                    runs.Add(run);
                }

                run.Add(cells);
            }
            else if (frags.Any(f => f.Kind == Kind.Text))
            {
                run = null;
            }
        }

        // The row is the first run exactly as wide as the table (the empty cells a converter adds
        // at its ends trimmed), else a line that holds the whole row (a page number next to it),
        // else the values of the first run.
        var values = runs.Select(r => Exact(r.SelectMany(l => l).ToList(), width)).FirstOrDefault(v => v is not null)
            ?? runs.SelectMany(r => r).FirstOrDefault(l => l.Length == width && l.Count(f => f.IsValue) > width / 2)?.ToList()
            ?? runs.FirstOrDefault()?.SelectMany(l => l).Where(f => f.IsValue).Take(width).ToList()
            ?? [];
        if (values.Count == 0)
        {
            return 0;
        }

        for (var r = 0; r < layout.Rows.Length; r++)
        {
            for (var c = 0; c < layout.Columns.Length; c++)
            {
                var k = (r * layout.Columns.Length) + c;
                builder.Set(new CellRef("table4", layout.Rows[r].Key, c), k < values.Count ? ToCell(values[k]) : Cell.Missing);
            }
        }

        return 1;
    }

    /// <summary><paramref name="cells"/> trimmed of empty cells at its ends down to <paramref name="width"/>, when that makes it exactly so wide.</summary>
    private static List<Frag>? Exact(List<Frag> cells, int width)
    {
        var from = 0;
        var to = cells.Count;
        while (to - from > width && cells[from].Kind == Kind.Empty)
        {
            from++;
        }

        while (to - from > width && cells[to - 1].Kind == Kind.Empty)
        {
            to--;
        }

        return to - from == width ? cells[from..to] : null;
    }
}
